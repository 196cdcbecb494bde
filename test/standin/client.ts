/**
 * Clients pointed at the stand-in, for tests that talk to it directly:
 *   restClient(gh, token?)   @octokit/rest with baseUrl `${gh.url}/api/v3` and an installation token
 *                            (one the stand-in issued unless given; pass '' for no credential).
 */
import { Octokit } from '@octokit/rest';
import type { Standin } from './server.js';

export function restClient(standin: Standin, token: string = standin.issueToken()): Octokit {
  return new Octokit({ baseUrl: standin.restUrl, ...(token ? { auth: token } : {}), log: { debug() {}, info() {}, warn() {}, error() {} } });
}
