import { describe, expect, it } from 'vitest';
import { backupToJson, createBackup, parseBackup } from '@/lib/export/backup';
import { DEFAULT_EXPORT_PREFS } from '@/lib/export/prefs';
import { restoreBackup } from '@/lib/export/run';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { recipeFromPick } from './recipe';
import { listRecipes, putRecipe } from './recipes';

// Site recipes travel in the JSON backup and come back through the restore path,
// validated like any other input: a recipe with a scripted selector is left out.
const good = recipeFromPick(
  { url: 'https://acme.test/team/a', selector: 'article.tile', mapping: { '>h3': 'fullName' } },
  4,
  new Date('2026-01-02T03:04:05Z'),
);
const noRepo = { bulkPut: async () => ({ written: 0, kept: 0 }) };

describe('site recipes in the JSON backup', () => {
  it('are written, and restored with the settings', async () => {
    const json = backupToJson(
      createBackup([], DEFAULT_SETTINGS, DEFAULT_EXPORT_PREFS, new Date(), { siteRecipes: [good] }),
    );
    const parsed = parseBackup(json);
    expect(parsed.siteRecipes).toEqual([good]);
    await restoreBackup(noRepo, parsed, { settings: true });
    expect(await listRecipes()).toEqual([good]);
  });

  it('drop an invalid recipe of an imported backup and keep the valid ones and the stored ones', async () => {
    const stored = { ...good, id: 'stored', host: 'other.test' };
    await putRecipe(stored);
    const hostile = { ...good, id: 'evil', selector: 'a{}</style><script>alert(1)</script>' };
    const long = { ...good, id: 'long', selector: `div${' > div'.repeat(80)}` };
    const json = JSON.stringify({
      ...createBackup([], DEFAULT_SETTINGS, DEFAULT_EXPORT_PREFS),
      siteRecipes: [hostile, good, long, 'nonsense'],
    });
    const parsed = parseBackup(json);
    expect(parsed.siteRecipes?.map((r) => r.id)).toEqual([good.id]);
    await restoreBackup(noRepo, parsed, { settings: true });
    expect((await listRecipes()).map((r) => r.id).sort()).toEqual([good.id, 'stored'].sort());
  });

  it('are not restored when the user restores leads only, and older backups have none', async () => {
    const parsed = parseBackup(
      backupToJson(createBackup([], DEFAULT_SETTINGS, DEFAULT_EXPORT_PREFS, new Date(), { siteRecipes: [good] })),
    );
    await restoreBackup(noRepo, parsed, { settings: false });
    expect(await listRecipes()).toEqual([]);
    expect(
      parseBackup(backupToJson(createBackup([], DEFAULT_SETTINGS, DEFAULT_EXPORT_PREFS))).siteRecipes,
    ).toBeUndefined();
  });
});
