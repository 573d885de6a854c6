// @ts-check
// The bar's words, both languages complete in one place. Accessible names follow the documented
// contract (docs/). The labels are what the loader draws; the messages (announcements) come with the
// bundle only, so the first script stays small.

const LABELS = {
  vi: {
    bar: 'Trợ Đọc: công cụ hỗ trợ đọc',
    open: 'Trợ Đọc',
    smaller: 'Giảm cỡ chữ',
    reset: 'Cỡ chữ mặc định',
    larger: 'Tăng cỡ chữ',
    more: 'Tăng tương phản',
    less: 'Giảm tương phản',
    spacing: 'Giãn dòng',
    listen: 'Nghe bài viết',
    pause: 'Tạm dừng',
    stop: 'Dừng đọc',
    previous: 'Câu trước',
    next: 'Câu sau',
    rate: 'Tốc độ đọc',
  },
  en: {
    bar: 'Trợ Đọc reading tools',
    open: 'Trợ Đọc',
    smaller: 'Decrease text size',
    reset: 'Default text size',
    larger: 'Increase text size',
    more: 'Increase contrast',
    less: 'Decrease contrast',
    spacing: 'Text spacing',
    listen: 'Listen to this article',
    pause: 'Pause',
    stop: 'Stop',
    previous: 'Previous sentence',
    next: 'Next sentence',
    rate: 'Reading speed',
  },
};

const MESSAGES = {
  vi: {
    size: 'Cỡ chữ',
    low: 'Tương phản thấp',
    normal: 'Tương phản bình thường',
    high: 'Tương phản cao',
    max: 'Tương phản tối đa',
    on: 'bật',
    off: 'tắt',
    unavailable: 'Không thể nghe bài viết lúc này',
  },
  en: {
    size: 'Text size',
    low: 'Low contrast',
    normal: 'Normal contrast',
    high: 'High contrast',
    max: 'Maximum contrast',
    on: 'on',
    off: 'off',
    unavailable: 'Listening is not available right now',
  },
};

export const language = (lang) => (lang === 'en' ? 'en' : 'vi');
/** The button labels in `lang`. */
export const labels = (lang) => LABELS[language(lang)];
/** Every text in `lang`: labels and messages. */
export const texts = (lang) => ({ ...LABELS[language(lang)], ...MESSAGES[language(lang)] });
