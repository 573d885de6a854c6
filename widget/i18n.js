// @ts-check
// Every word the widget shows or says, both languages complete in one place. Accessible names follow
// the documented contract (docs/). The labels are what the loader draws at rest; the messages (the
// player, announcements) come with the bundle only, so the first script stays small.

const LABELS = {
  vi: {
    bar: 'Trợ Đọc: công cụ hỗ trợ đọc',
    open: 'Trợ Đọc',
    size: 'Cỡ chữ',
    smaller: 'Giảm cỡ chữ',
    reset: 'Cỡ chữ mặc định',
    larger: 'Tăng cỡ chữ',
    contrast: 'Tương phản',
    less: 'Giảm tương phản',
    more: 'Tăng tương phản',
    // The four contrast levels, in the order of store.js LEVELS.
    levels: ['Thấp', 'Chuẩn', 'Cao', 'Tối đa'],
    spacing: 'Giãn dòng',
    listen: 'Nghe bài viết',
    // The listen button shows the first word; its name is both (WCAG 2.5.3: it starts with what is seen).
    listenShort: 'Nghe',
    listenRest: 'bài viết',
  },
  en: {
    bar: 'Trợ Đọc reading tools',
    open: 'Trợ Đọc',
    size: 'Text size',
    smaller: 'Decrease text size',
    reset: 'Default text size',
    larger: 'Increase text size',
    contrast: 'Contrast',
    less: 'Decrease contrast',
    more: 'Increase contrast',
    levels: ['Low', 'Standard', 'High', 'Maximum'],
    spacing: 'Text spacing',
    listen: 'Listen to this article',
    listenShort: 'Listen',
    listenRest: 'to this article',
  },
};

const MESSAGES = {
  vi: {
    player: 'Trình đọc bài viết',
    pause: 'Tạm dừng',
    stop: 'Dừng đọc',
    previous: 'Câu trước',
    next: 'Câu sau',
    rate: 'Tốc độ đọc',
    sentence: 'Câu',
    download: 'Tải MP3',
    here: 'Nghe từ đây',
    on: 'bật',
    off: 'tắt',
    reading: 'Đang đọc bài viết',
    paused: 'Đã tạm dừng',
    stopped: 'Đã dừng đọc',
    ended: 'Đã đọc hết bài',
    unavailable: 'Không thể nghe bài viết lúc này',
    fallback: 'Máy chủ chưa phản hồi, đọc bằng giọng của trình duyệt',
    deviceVoice: 'Giọng của thiết bị',
    onDevice: 'Đọc bằng giọng của thiết bị',
    onServer: 'Đọc bằng giọng của máy chủ',
    unplayable: 'Trình duyệt này không phát được âm thanh. Đã dừng đọc.',
  },
  en: {
    player: 'Article reader',
    pause: 'Pause',
    stop: 'Stop',
    previous: 'Previous sentence',
    next: 'Next sentence',
    rate: 'Reading speed',
    sentence: 'Sentence',
    download: 'Download MP3',
    here: 'Listen from here',
    on: 'on',
    off: 'off',
    reading: 'Reading the article',
    paused: 'Paused',
    stopped: 'Reading stopped',
    ended: 'End of the article',
    unavailable: 'Listening is not available right now',
    fallback: 'The server is not responding: reading with the browser’s voice',
    deviceVoice: 'Device voice',
    onDevice: 'Reading with this device’s voice',
    onServer: 'Reading with the server’s voice',
    unplayable: 'This browser cannot play the audio. Reading stopped.',
  },
};

export const language = (lang) => (lang === 'en' ? 'en' : 'vi');
/** The labels of the bar at rest in `lang`. */
export const labels = (lang) => LABELS[language(lang)];
/** Every text in `lang`: labels and messages. */
export const texts = (lang) => ({ ...LABELS[language(lang)], ...MESSAGES[language(lang)] });
/** A text size as the bar shows it: `125 %` (`112,5 %` in Vietnamese). */
export const percent = (scale, lang) => `${(scale * 100).toLocaleString(language(lang))} %`;
/** A contrast level by name, as the bar says it: `Tương phản: cao`. */
export const levelText = (t, index) => `${t.contrast}: ${t.levels[index].toLowerCase()}`;
/** A reading speed as the bar shows it: `1,25×`. */
export const speedText = (rate, lang) => `${language(lang) === 'en' ? rate : String(rate).replace('.', ',')}×`;
