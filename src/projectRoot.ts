import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The Clippings checkout, so paths work whatever the current directory is. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
