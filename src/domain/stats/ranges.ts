/** The statistics date-range presets, relative to today's Prague date. */
import { addDays, type LocalDate } from './prague-calendar.js';

export const PRESETS = ['last30', 'thisMonth', 'lastMonth', 'thisYear'] as const;
export type Preset = (typeof PRESETS)[number];

export function presetRange(preset: Preset, today: LocalDate): { from: LocalDate; to: LocalDate } {
  const month = today.slice(0, 7);
  switch (preset) {
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'thisMonth':
      return { from: `${month}-01`, to: today };
    case 'lastMonth': {
      const lastDay = addDays(`${month}-01`, -1);
      return { from: `${lastDay.slice(0, 7)}-01`, to: lastDay };
    }
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}
