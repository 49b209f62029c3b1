import { defineConfig } from "vitest/config";

// The server serves the build from its wwwroot; `npm run dev` proxies the API to a running server.
export default defineConfig({
  build: {
    outDir: "../server/wwwroot",
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      "/api": "http://localhost:5000",
      "/hubs": { target: "http://localhost:5000", ws: true },
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
