/** How latency axes are drawn, shared by every chart on the page: log by default. */
export const chartPrefs = $state({ log: true });
