import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// Tauri serves the built files itself; the dev server is only for `tauri dev`.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  // The chart and graph libraries are chunks of their own, loaded with the first chart or
  // graph shown (ECharts' is ~570 kB unzipped), so the app itself starts small.
  build: { target: "safari15", outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 600 },
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
  test: {
    environment: "jsdom",
    // Lets @testing-library clean up the DOM after each test.
    globals: true,
    include: ["src/**/*.test.ts"],
  },
});
