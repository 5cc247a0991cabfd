// Two pages built into the Python package: the app (index.html, served at /) and the offline
// GraphiQL (graphiql.html, served at GET /graphql to browsers). Fixed file names without hashes
// and no build-time stamps, so the same lockfile builds the same bytes (CI compares them).
import { resolve } from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/static/",
  build: {
    outDir: resolve(import.meta.dirname, "../../graph_service/api/static"),
    emptyOutDir: true,
    target: "es2020",
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        app: resolve(import.meta.dirname, "index.html"),
        graphiql: resolve(import.meta.dirname, "graphiql.html"),
      },
      onwarn(warning, warn) {
        // React libraries mark modules "use client" for server components; a static bundle has none.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
      output: {
        entryFileNames: "assets/[name].js",
        chunkFileNames: "assets/[name].js",
        assetFileNames: "assets/[name][extname]",
      },
    },
  },
  server: { proxy: { "/graphql": "http://127.0.0.1:8000" } },
});
