import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the API runs separately; in production the server serves web/dist on the same origin.
const apiTarget = "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      "/graphql": { target: apiTarget, changeOrigin: true },
      "/api": { target: apiTarget, changeOrigin: true },
    },
  },
});
