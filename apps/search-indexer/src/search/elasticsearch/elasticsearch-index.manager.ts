import type { Client } from '@elastic/elasticsearch';
import { indexMappings, indexSettings } from './elasticsearch-mapping';

/**
 * Readers and writers use the alias `<name>`; documents live in a versioned concrete index
 * `<name>-v<n>`. A rebuild fills `<name>-v<n+1>` and moves the alias in one atomic step.
 */
export class ElasticsearchIndexManager {
  constructor(
    private readonly client: Client,
    readonly alias: string,
  ) {}

  /** Creates `<alias>-v1` behind the alias unless the alias exists. Safe to call from many instances. */
  async ensure(): Promise<void> {
    if (await this.client.indices.existsAlias({ name: this.alias })) return;
    try {
      await this.client.indices.create({
        index: this.versioned(1),
        settings: indexSettings(),
        mappings: indexMappings(),
        aliases: { [this.alias]: { is_write_index: true } },
      });
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
  }

  /** The concrete index behind the alias. */
  async current(): Promise<string> {
    const aliases = await this.client.indices.getAlias({ name: this.alias });
    const indexes = Object.keys(aliases);
    if (indexes.length !== 1)
      throw new Error(`Alias ${this.alias} points at ${indexes.length} indexes: ${indexes.join(', ')}`);
    return indexes[0];
  }

  /** A new empty concrete index after the highest existing version, not yet behind the alias, refresh off. */
  async createNext(): Promise<string> {
    const existing = Object.keys(await this.client.indices.get({ index: `${this.alias}-v*`, allow_no_indices: true }));
    const highest = Math.max(0, ...existing.map((name) => Number(/-v(\d+)$/.exec(name)?.[1] ?? 0)));
    const index = this.versioned(highest + 1);
    await this.client.indices.create({
      index,
      settings: { ...indexSettings(), refresh_interval: '-1' },
      mappings: indexMappings(),
    });
    return index;
  }

  /** Points the alias (reads and writes) at `next` instead of `previous`, atomically. */
  async swap(previous: string, next: string): Promise<void> {
    await this.client.indices.putSettings({ index: next, settings: { refresh_interval: '1s' } });
    await this.client.indices.refresh({ index: next });
    await this.client.indices.updateAliases({
      actions: [
        { remove: { index: previous, alias: this.alias } },
        { add: { index: next, alias: this.alias, is_write_index: true } },
      ],
    });
  }

  async drop(index: string): Promise<void> {
    await this.client.indices.delete({ index, ignore_unavailable: true });
  }

  private versioned(version: number): string {
    return `${this.alias}-v${version}`;
  }
}

function isAlreadyExists(err: unknown): boolean {
  return /resource_already_exists_exception|invalid_alias_name_exception/.test(
    String((err as { message?: string })?.message ?? err),
  );
}
