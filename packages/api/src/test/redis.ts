/** Test helper: a Redis on 127.0.0.1:6379, started when it is down; undefined (tests skip, saying why) when not installed. */
import { execFileSync, spawnSync } from "node:child_process";

export const REDIS_URL = "redis://127.0.0.1:6379";

function ping(): boolean {
  return spawnSync("redis-cli", ["-h", "127.0.0.1", "-p", "6379", "ping"], { encoding: "utf8" }).stdout?.trim() === "PONG";
}

export function ensureRedis(): string | undefined {
  if (ping()) return REDIS_URL;
  if (spawnSync("sh", ["-c", "command -v redis-server"]).status !== 0) {
    console.warn("redis-server is not installed: skipping the Redis rate-limit tests");
    return undefined;
  }
  execFileSync("redis-server", ["--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379", "--save", "", "--appendonly", "no"]);
  for (let i = 0; i < 50 && !ping(); i++) spawnSync("sleep", ["0.1"]);
  return ping() ? REDIS_URL : undefined;
}
