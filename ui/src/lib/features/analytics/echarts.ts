// The one place the app takes ECharts from: only the parts the charts use (bars, grid,
// tooltip, legend, zoom, aria) and the SVG renderer, so the bundle stays small and the
// charts stay sharp, themable and exportable.
import { BarChart } from "echarts/charts";
import { AriaComponent, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, AriaComponent, SVGRenderer]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;

/** Draws `option` off screen, light on white, and gives back the PNG's bytes. */
export async function optionToPng(option: ChartOption, width: number, height: number, scale = 2): Promise<Uint8Array> {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: "#ffffff" });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const image = new Image();
  image.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("The chart could not be drawn.");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, "image/png"));
  if (!blob) throw new Error("The chart could not be drawn.");
  return new Uint8Array(await blob.arrayBuffer());
}
