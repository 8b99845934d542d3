import { ColorType, type DeepPartial, type ChartOptions } from 'lightweight-charts';

/** The one look of every chart (dark, monospace, quiet grid); charts add their own scales and series. */
export function chartTheme(): DeepPartial<ChartOptions> {
  return {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: 'transparent' },
      textColor: '#8b95a7',
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      fontSize: 11,
      attributionLogo: false,
    },
    grid: { vertLines: { color: '#1c2330' }, horzLines: { color: '#1c2330' } },
    rightPriceScale: { borderColor: '#2a3342' },
  };
}
