import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { internalOrigin, syncInternalScripts } from '../../../../entrypoints/background/internal-scripts';
import { createRegistry } from '../../../../lib/systems';

const simpeg = { id: 'internal-simpeg.pemda-contoh.id', name: 'SIMPEG Pemda', host: 'simpeg.pemda-contoh.id' };
const intranet = { id: 'internal-10.20.30.40', name: 'e-Office', host: '10.20.30.40' };

function mockScripting(granted: string[]) {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p) =>
    (p.origins ?? []).every((o) => granted.includes(o)),
  );
  const registered: unknown[] = [];
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => registered as never);
  const unregister = vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async () => {
    registered.length = 0;
  });
  const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    registered.push(...(scripts as unknown[]));
  });
  const update = vi.spyOn(fakeBrowser.scripting, 'updateContentScripts').mockImplementation(async (scripts) => {
    for (const change of scripts) Object.assign(registered[0] as object, change);
  });
  return { register, unregister, update, registered };
}

describe('internal systems', () => {
  it('injects the content script only on hosts whose permission was granted', async () => {
    const { register, registered } = mockScripting([internalOrigin(simpeg.host)]);
    await syncInternalScripts([simpeg, intranet]);
    expect(register).toHaveBeenCalledTimes(1);
    expect(registered).toEqual([
      expect.objectContaining({
        matches: ['*://simpeg.pemda-contoh.id/*'],
        runAt: 'document_start',
        persistAcrossSessions: true,
      }),
    ]);
  });

  it('moves a registration made at document_idle (an earlier build) to document_start, in place', async () => {
    const { register, unregister, update, registered } = mockScripting([internalOrigin(simpeg.host)]);
    registered.push({
      id: 'langkah-internal-systems',
      matches: ['*://simpeg.pemda-contoh.id/*'],
      js: ['content-scripts/gov.js'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
    await syncInternalScripts([simpeg]);
    expect(update).toHaveBeenCalledTimes(1);
    expect(register).not.toHaveBeenCalled();
    expect(unregister).not.toHaveBeenCalled();
    expect(registered).toEqual([expect.objectContaining({ runAt: 'document_start', persistAcrossSessions: true })]);
    await syncInternalScripts([simpeg]);
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('re-syncing replaces the registration instead of adding another, and removes it when none is left', async () => {
    const { registered, unregister } = mockScripting([internalOrigin(simpeg.host), internalOrigin(intranet.host)]);
    await syncInternalScripts([simpeg]);
    await syncInternalScripts([simpeg, intranet]);
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({ matches: ['*://simpeg.pemda-contoh.id/*', '*://10.20.30.40/*'] });
    await syncInternalScripts([]);
    expect(registered).toHaveLength(0);
    expect(unregister).toHaveBeenCalled();
  });

  it('leaves the registration alone when the set of hosts did not change, and updates it in place when it did', async () => {
    const { register, unregister, update, registered } = mockScripting([
      internalOrigin(simpeg.host),
      internalOrigin(intranet.host),
    ]);
    await syncInternalScripts([simpeg, intranet]);
    await syncInternalScripts([intranet, simpeg]);
    expect(register).toHaveBeenCalledTimes(1);
    expect(unregister).not.toHaveBeenCalled();
    expect(update).not.toHaveBeenCalled();
    await syncInternalScripts([simpeg]);
    // Updated in place: at no moment is the script unregistered.
    expect(unregister).not.toHaveBeenCalled();
    expect(registered).toEqual([expect.objectContaining({ matches: ['*://simpeg.pemda-contoh.id/*'] })]);
  });

  it('are detected by the registry next to the catalog, which still wins for its own hosts', () => {
    const registry = createRegistry([
      simpeg,
      { id: 'internal-srikandi.arsip.go.id', name: 'Mine', host: 'srikandi.arsip.go.id' },
    ]);
    expect(registry.detect('https://simpeg.pemda-contoh.id/pegawai/123')?.system.id).toBe(simpeg.id);
    expect(registry.describe(simpeg.id).name).toBe('SIMPEG Pemda');
    expect(registry.detect('https://srikandi.arsip.go.id/')?.system.id).toBe('srikandi');
    expect(registry.detect('https://simpeg.pemda-contoh.id.evil.com/')).toBeNull();
  });
});
