/** /feed.xml: the Atom feed of releases in Vietnamese (lib/feed.ts). Absolute URLs from Astro's `site`. */
import type { APIRoute } from "astro";
import { feedResponse } from "../lib/feed-route.js";

export const GET: APIRoute = ({ site }) => feedResponse("VI", site);
