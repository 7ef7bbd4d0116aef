// Apache ECharts for the screens that draw charts: the UI bundle serves it from its webjar at vendor/echarts/, so
// nothing comes from elsewhere. It is loaded the first time a screen asks, as an ES module: a fragment changed needs no
// build step, and one that draws no chart never loads it.

let loading = null;

/** The echarts module (init, graphic, …), loaded once. */
export function charts() {
  if (!loading) loading = import('../vendor/echarts/dist/echarts.esm.min.js');
  return loading;
}
