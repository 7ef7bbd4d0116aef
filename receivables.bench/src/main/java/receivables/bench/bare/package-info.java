/**
 * The bare stack's own bundles: each registers one Jakarta REST resource, as ours do, with nothing of ours behind
 * it. {@link receivables.bench.BareStack} packs these classes into bundles that run inside the framework, never on
 * the benchmark's class path.
 */
package receivables.bench.bare;
