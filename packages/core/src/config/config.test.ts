/** The configuration: .env fills in what the environment does not set; the .env.example placeholder is no key. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PLACEHOLDER_HOUSEHOLD_KEY, loadConfig, readEnvFile } from "./config.ts";

function envFile(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-config-"));
  fs.writeFileSync(path.join(dir, ".env"), text);
  return path.join(dir, ".env");
}

describe(".env", () => {
  it("adds the variables the environment lacks; a variable set in the environment wins", () => {
    const env: NodeJS.ProcessEnv = { PORT: "5000" };
    readEnvFile(env, envFile(`# comment\nPORT=4001\nDISCLOSURE_K=7\nHOUSEHOLD_KEY_SECRET="quoted secret 0123456789"\n`));
    expect(env).toEqual({ PORT: "5000", DISCLOSURE_K: "7", HOUSEHOLD_KEY_SECRET: "quoted secret 0123456789" });
    expect(loadConfig(env)).toMatchObject({ PORT: 5000, DISCLOSURE_K: 7 });
  });

  it("is optional", () => {
    const env: NodeJS.ProcessEnv = {};
    readEnvFile(env, path.join(os.tmpdir(), "no-such-folder-minhbach", ".env"));
    expect(env).toEqual({});
  });
});

describe("HOUSEHOLD_KEY_SECRET", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-config-data-"));

  it("refuses the .env.example placeholder, saying what to do instead", () => {
    expect(() => loadConfig({ MINHBACH_DATA_DIR: dataDir, HOUSEHOLD_KEY_SECRET: PLACEHOLDER_HOUSEHOLD_KEY })).toThrow(
      /HOUSEHOLD_KEY_SECRET: is still the placeholder from \.env\.example\. Set a long random secret .*openssl rand -hex 32.*or delete the line/,
    );
  });

  it("refuses a short key, and reads an empty one as unset", () => {
    expect(() => loadConfig({ MINHBACH_DATA_DIR: dataDir, HOUSEHOLD_KEY_SECRET: "short" })).toThrow(/at least 16 characters/);
    expect(loadConfig({ MINHBACH_DATA_DIR: dataDir, HOUSEHOLD_KEY_SECRET: "" }).HOUSEHOLD_KEY_SECRET).toBeUndefined();
  });

  it("names the data folder's key file when that is where a bad key comes from", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-config-data-"));
    fs.writeFileSync(path.join(dir, "household-key.secret"), "short\n");
    expect(() => loadConfig({ MINHBACH_DATA_DIR: dir })).toThrow(/HOUSEHOLD_KEY_SECRET \(from .*household-key\.secret\): must be at least 16/);
  });
});
