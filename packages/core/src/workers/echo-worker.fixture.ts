/** A worker for worker-bundle.test.ts: one workspace import (@minhbach/core) and one npm package (zod). */
import { parentPort, workerData } from "node:worker_threads";
import { z } from "zod";
import { foldVietnamese } from "@minhbach/core/units/fold.ts";

const text = z.string().parse(workerData.text);
parentPort!.postMessage(foldVietnamese(text));
