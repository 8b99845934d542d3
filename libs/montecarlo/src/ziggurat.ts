/**
 * Tables of the ziggurat method for standard normal variates, in Doornik's formulation
 * ("An Improved Ziggurat Method to Generate Normal Random Samples", 2005): 128 blocks of equal area
 * V under the density, the base block holding the tail beyond R. A variate falls inside the
 * rectangle part of its block (one random draw, one multiply, one compare) about 98.8 % of the
 * time; the wedges and the tail are resolved by rejection, so the distribution is exact.
 */

export const ZIGGURAT_BLOCKS = 128;
/** Where the tail starts. */
export const ZIGGURAT_R = 3.442619855899;
/** Area of each block. */
const ZIGGURAT_V = 9.91256303526217e-3;

function density(x: number): number {
  return Math.exp(-0.5 * x * x);
}

/** Right edges of the blocks: X[0] is the (virtual) width of the base block, X[128] = 0. */
export const ZIGGURAT_X = new Float64Array(ZIGGURAT_BLOCKS + 1);
/** X[i + 1] / X[i]: the fraction of block i that lies wholly under the density. */
export const ZIGGURAT_RATIO = new Float64Array(ZIGGURAT_BLOCKS);

(function buildTables(): void {
  let f = density(ZIGGURAT_R);
  ZIGGURAT_X[0] = ZIGGURAT_V / f;
  ZIGGURAT_X[1] = ZIGGURAT_R;
  ZIGGURAT_X[ZIGGURAT_BLOCKS] = 0;
  for (let i = 2; i < ZIGGURAT_BLOCKS; i++) {
    ZIGGURAT_X[i] = Math.sqrt(-2 * Math.log(ZIGGURAT_V / ZIGGURAT_X[i - 1] + f));
    f = density(ZIGGURAT_X[i]);
  }
  for (let i = 0; i < ZIGGURAT_BLOCKS; i++) ZIGGURAT_RATIO[i] = ZIGGURAT_X[i + 1] / ZIGGURAT_X[i];
})();
