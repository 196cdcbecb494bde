/**
 * The slice of a Probot/Octokit instance the adapter uses: `request` and `graphql`. Typed here so
 * no Octokit type leaks past the adapter, and so a test can pass any object with these two methods.
 */
export interface GitHubResponse {
  status: number;
  data: unknown;
  headers: Record<string, unknown>;
}

export interface GitHubClient {
  request(route: string, params?: Record<string, unknown>): Promise<GitHubResponse>;
  graphql(query: string, variables?: Record<string, unknown>): Promise<unknown>;
}

export interface CountedClient extends GitHubClient {
  count(): number;
}

/** Wraps a client so every REST and GraphQL call is counted (the budgets of issue 2 are per event). */
export function countRequests(client: GitHubClient): CountedClient {
  let calls = 0;
  return {
    request(route, params) {
      calls++;
      return client.request(route, params);
    },
    graphql(query, variables) {
      calls++;
      return client.graphql(query, variables);
    },
    count: () => calls,
  };
}
