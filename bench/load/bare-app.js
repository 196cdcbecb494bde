/**
 * The peer of the load bench: a bare Probot app (the same Probot as Steward) whose pull_request
 * handler does nothing, behind a plain `createNodeMiddleware(app)` on node:http. Reads the same
 * environment as `steward serve` (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, LOG_LEVEL, PORT, HOST).
 */
import { createServer } from 'node:http';
import { createNodeMiddleware, createProbot } from 'probot';

const probot = createProbot({ env: process.env });
const app = (bare) => {
  bare.on('pull_request', async () => {});
};
const middleware = await createNodeMiddleware(app, { probot, webhooksPath: '/api/github/webhooks' });
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') return void res.writeHead(200).end('PONG');
  void middleware(req, res, () => res.writeHead(404).end());
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
