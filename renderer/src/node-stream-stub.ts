// Stands in for Node's `stream` in the renderer build (see vite.config.ts): papaparse reaches for it only in
// its Node-only duplex streamer, which the renderer never uses, so there is nothing to export.
export {};
