/**
 * Days and clock times in Asia/Shanghai, the zone of Chinese news: one place for the zone name
 * and for what "a day" means in filters and on pages. China has kept UTC+8 all year since 1991,
 * but this asks Intl rather than assuming the offset.
 */

/** The zone of Chinese news sources (and the default of every zone setting). */
export const SHANGHAI_ZONE = 'Asia/Shanghai';

/** Made on first use: building it loads ICU's zone data, which commands that show no time skip. */
let shanghaiClock: Intl.DateTimeFormat | undefined;
const clock = (): Intl.DateTimeFormat => (shanghaiClock ??= new Intl.DateTimeFormat('en-CA', {
  timeZone: SHANGHAI_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
}));

/** The wall-clock fields of an instant in Asia/Shanghai, each zero-padded. */
export function shanghaiFields(ms: number): { year: string; month: string; day: string; hour: string; minute: string; second: string } {
  const p = Object.fromEntries(clock().formatToParts(ms).map((x) => [x.type, x.value]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** Offset of Asia/Shanghai from UTC at an instant, ms. */
function shanghaiOffsetMs(ms: number): number {
  const f = shanghaiFields(ms);
  const wall = Date.UTC(Number(f.year), Number(f.month) - 1, Number(f.day), Number(f.hour), Number(f.minute), Number(f.second));
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * Epoch ms of a wall-clock time of a day in Asia/Shanghai.
 * @example shanghaiWallTimeMs('2021-12-01', '00:00:00') // Date.parse('2021-11-30T16:00:00Z')
 */
export function shanghaiWallTimeMs(day: string, time: string): number {
  const asUtc = Date.parse(`${day}T${time}Z`);
  return asUtc - shanghaiOffsetMs(asUtc - shanghaiOffsetMs(asUtc));
}
