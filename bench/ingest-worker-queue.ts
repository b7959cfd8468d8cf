/** The sequence `bench ingest` creates in each PostgreSQL database; its workers take batch numbers from it. */
export const BATCH_SEQUENCE = 'bench_ingest_batches';
