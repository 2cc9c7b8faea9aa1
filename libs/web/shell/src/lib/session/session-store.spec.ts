import { TestBed } from '@angular/core/testing';
import { SessionStore, toSessionUser } from './session-store';

describe('SessionStore', () => {
  it('is empty until someone signs in, and empty again after signing out', () => {
    const store = TestBed.inject(SessionStore);
    expect(store.signedIn()).toBe(false);
    expect(store.user()).toBeNull();

    store.signIn({ displayName: 'Fleur Jansen', organisationName: 'ZVH Demo' });
    expect(store.signedIn()).toBe(true);
    expect(store.user()?.organisationName).toBe('ZVH Demo');

    store.signOut();
    expect(store.signedIn()).toBe(false);
  });
});

describe('toSessionUser', () => {
  it('accepts a user object directly or wrapped in { user }', () => {
    const user = { displayName: 'A', organisationName: 'B' };
    expect(toSessionUser(user)).toEqual(user);
    expect(toSessionUser({ user })).toEqual(user);
  });

  it.each([
    null,
    undefined,
    'x',
    {},
    { displayName: 'A' },
    { user: { displayName: 1, organisationName: 'B' } },
  ])('rejects %p', (body) => expect(toSessionUser(body)).toBeNull());
});
