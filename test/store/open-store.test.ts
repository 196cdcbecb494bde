import { describe, expect, it } from '@jest/globals';
import { openStore } from '../../src/store/open-store.js';

describe('openStore', () => {
  it('tells the operator what a usable DATABASE_URL looks like, without echoing the password', async () => {
    const open = openStore({ url: 'mysql://root:hunter2@db:3306/steward' });
    await expect(open).rejects.toThrow(/not a PostgreSQL URL.*postgres:\/\/user:password@host/);
    await expect(open).rejects.not.toThrow(/hunter2/);
  });

  it('opens an in-memory SQLite database with the tables migrated', async () => {
    const store = await openStore({ url: ':memory:' });
    expect(store.dialect).toBe('sqlite');
    expect(await store.listWaivers('o', 'r', 1)).toEqual([]);
    await store.close();
  });
});
