export * from "../../src/browser/chromium.ts";
