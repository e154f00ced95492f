export * from "../../src/browser/staticServer.ts";
