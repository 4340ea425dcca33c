// One run of an on-request conversion bench (`media-variants`, `realtime-images`): the cold pass,
// each request right after raw sharp converts the same bytes in this process (same load), then the
// cached pass, with image-ops' stages and the machine's load around them, and the figures both report.
import { percentile, summarize } from './bench-kit.mjs';
import { load, sharpSettings, stageMeans, stageTotals } from './conversion-kit.mjs';

const ratio = (a, b) => Math.round((a / b) * 100) / 100;
const p50 = (samples) =>
  percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );

export class ConversionRun {
  /** `stagePath` is the `path` label of image-ops' stage histograms the bench's requests take. */
  constructor({ imageOpsUrl, stagePath, store, rawConvert }) {
    this.stages = () => stageTotals(imageOpsUrl, stagePath);
    this.store = store;
    this.rawConvert = rawConvert;
    this.snapshots = {};
    this.samples = { raw: [], cold: [], floorGets: [], floorPuts: [], cached: [] };
  }

  /** Each source once: raw sharp, the floor's store round trips, then `coldRequest(i)` (its milliseconds). */
  async coldPass(sources, coldRequest) {
    for (let i = 0; i < sources.length; i++)
      await this.store.put({ key: `bench-floor/source-${i}`, body: sources[i], contentType: 'image/jpeg' });
    this.loadStart = load();
    this.snapshots.before = await this.stages();
    for (let i = 0; i < sources.length; i++) {
      const t0 = performance.now();
      const result = await this.rawConvert(sources[i]);
      this.samples.raw.push(performance.now() - t0);
      const trips = await this.timeStoreRoundTrips(i, result);
      this.samples.floorGets.push(trips.get);
      this.samples.floorPuts.push(trips.put);
      this.samples.cold.push(await coldRequest(i));
    }
    this.snapshots.afterCold = await this.stages();
  }

  /** `repeats` rounds over the `count` sources of `cachedRequest(i)` (its milliseconds). */
  async cachedPass(repeats, count, cachedRequest) {
    this.repeats = repeats;
    for (let r = 0; r < repeats; r++) for (let i = 0; i < count; i++) this.samples.cached.push(await cachedRequest(i));
    this.loadEnd = load();
    this.snapshots.afterCached = await this.stages();
  }

  /**
   * What the cold path must do besides the conversion, timed straight from the bench: GET the
   * source's copy under `bench-floor/` and PUT a result of the conversion's size. With raw sharp's
   * time this is the floor of a cold request on this machine.
   */
  async timeStoreRoundTrips(i, result) {
    const g0 = performance.now();
    const { body } = await this.store.getStream({ key: `bench-floor/source-${i}` });
    for await (const _ of body);
    const get = performance.now() - g0;
    const p0 = performance.now();
    await this.store.put({ key: `bench-floor/result-${i}`, body: result, contentType: 'application/octet-stream' });
    return { get, put: performance.now() - p0 };
  }

  /** The figures both benches report; `conversion` says what raw sharp ran. */
  figures({ megapixels, conversion }) {
    const { raw, cold, floorGets, floorPuts, cached } = this.samples;
    const rawSummary = summarize(raw);
    const coldSummary = summarize(cold);
    const cachedSummary = summarize(cached);
    // Per source, cold over raw: the median of those ratios is robust to load spikes between sources.
    const perSource = cold.map((c, i) => c / raw[i]).sort((a, b) => a - b);
    return {
      source_megapixels: [...new Set(megapixels.map((m) => Math.round(m * 100) / 100))],
      load_1_5_15: { start: this.loadStart, end: this.loadEnd },
      raw_sharp: { ...sharpSettings(), conversion, ...rawSummary },
      store_from_bench_during_cold: { source_get: summarize(floorGets), result_put: summarize(floorPuts) },
      cold_floor_p50_ms: Math.round((rawSummary.p50_ms + p50(floorGets) + p50(floorPuts)) * 100) / 100,
      cold: coldSummary,
      cold_p50_over_raw_sharp_p50: ratio(coldSummary.p50_ms, rawSummary.p50_ms),
      cold_over_raw_sharp_median_per_source: ratio(percentile(perSource, 50), 1),
      cached: { repeats_per_source: this.repeats, ...cachedSummary },
      image_ops_stages: {
        cold: stageMeans(this.snapshots.before, this.snapshots.afterCold),
        cached: stageMeans(this.snapshots.afterCold, this.snapshots.afterCached),
      },
      targets: {
        cold_p50_within_1_5x_raw_sharp: coldSummary.p50_ms <= 1.5 * rawSummary.p50_ms,
        cached_p99_under_10_ms: cachedSummary.p99_ms < 10,
      },
    };
  }
}
