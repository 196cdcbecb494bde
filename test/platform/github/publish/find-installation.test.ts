/** Whether the App is installed on a fork: its installation id, or null. */
import { afterEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { findInstallation } from '../../../../src/platform/github/publish/create-github-publisher.js';
import { basicError, restExample, withOverrides } from '../../../support/github-fixtures.js';
import { mockGitHub, testOctokit } from '../setup.js';

afterEach(() => nock.cleanAll());

const FORK = { owner: 'alice', repo: 'models' };

describe('findInstallation', () => {
  it('answers the installation id when the App is installed on the fork', async () => {
    const gh = mockGitHub().rest('GET', '/repos/alice/models/installation', {}, 200, withOverrides(restExample('GET', '/repos/{owner}/{repo}/installation'), { id: 77 }));
    await expect(findInstallation(testOctokit(), FORK)).resolves.toBe(77);
    gh.done();
  });

  it('answers null when it is not installed (404)', async () => {
    const gh = mockGitHub().rest('GET', '/repos/alice/models/installation', {}, 404, basicError('Not Found'));
    await expect(findInstallation(testOctokit(), FORK)).resolves.toBeNull();
    gh.done();
  });

  it('passes other failures on, naming the request', async () => {
    const gh = mockGitHub().rest('GET', '/repos/alice/models/installation', {}, 401, basicError('A JSON web token could not be decoded'));
    await expect(findInstallation(testOctokit(), FORK)).rejects.toMatchObject({ status: 401, operation: 'GET /repos/alice/models/installation' });
    gh.done();
  });
});
