import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/projectRoot.ts";

export const SEEDS_DIR = join(PROJECT_ROOT, "seeds");
export const SEED_000 = "000_dc7d486012497c1e.txt";
export const SEED_003 = "003_b53226ca2d09075e.txt";

/** Real CNN articles for ingest tests and benchmarks; beside the project, never committed. */
export const CNN_CORPUS = join(PROJECT_ROOT, "..", "shared", "corpus", "cnn");
