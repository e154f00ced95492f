/**
 * compromise (https://github.com/spencermountain/compromise) from the
 * one-file build its package gives `require`, not from the ES modules it
 * gives `import`: the same version and code, but those are 436 files, and
 * loading them through tsx took 0.8 s of the start of every process and
 * worker that finds entities; the one file loads in 0.2 s.
 */
import { createRequire } from "node:module";
import type compromise from "compromise";

export const nlp = createRequire(import.meta.url)("compromise") as typeof compromise;
