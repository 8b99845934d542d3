/* Reference outputs of xoshiro128** 1.1 (Blackman & Vigna, public domain, prng.di.unimi.it),
 * the generator of libs/montecarlo/src/prng.ts, from fixed states.
 * Build and run: cc -O2 -o /tmp/xoshiro libs/montecarlo/reference/xoshiro128starstar.c && /tmp/xoshiro > libs/montecarlo/reference/xoshiro-reference.json */
#include <stdint.h>
#include <stdio.h>

static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
static uint32_t s[4];

uint32_t next(void) {
  const uint32_t result = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

int main(void) {
  const uint32_t states[2][4] = {{1, 2, 3, 4}, {0x9e3779b9u, 0x7f4a7c15u, 0xf39cc060u, 0x5ced1a2bu}};
  printf("[");
  for (int k = 0; k < 2; k++) {
    for (int i = 0; i < 4; i++) s[i] = states[k][i];
    printf("%s{\"state\":[%u,%u,%u,%u],\"outputs\":[", k ? "," : "", s[0], s[1], s[2], s[3]);
    for (int i = 0; i < 12; i++) printf("%s%u", i ? "," : "", next());
    printf("]}");
  }
  printf("]\n");
  return 0;
}
