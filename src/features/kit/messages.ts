import { defineMessages } from '../../i18n/define';

// Sizes and day counts, shared by the features (format.ts). Sizes in binary units (§4: MB = 1024 ×
// 1024 bytes); French uses octets.
export const kit = defineMessages({
  sizeMB: { en: '$1 MB', fr: '$1 Mo', nl: '$1 MB', de: '$1 MB', description: 'A size in megabytes (1024 × 1024 bytes); $1 a number with decimals.' },
  sizeKB: { en: '$1 KB', fr: '$1 Ko', nl: '$1 kB', de: '$1 KB', description: 'A size in kilobytes; $1 a number.' },
  lessThanADay: { en: 'less than a day', fr: 'moins d’un jour', nl: 'minder dan een dag', de: 'weniger als einen Tag' },
  oneDay: { en: '1 day', fr: '1 jour', nl: '1 dag', de: '1 Tag' },
  manyDays: { en: '$1 days', fr: '$1 jours', nl: '$1 dagen', de: '$1 Tage', description: 'A duration; $1 a number of days (2 or more).' },
});
