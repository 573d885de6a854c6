// @ts-check
// The bar's words. Accessible names follow the documented contract (docs/); the listening words are used by the
// player (part 2) and are listed here so both languages stay complete in one place.

const TEXTS = {
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
export const texts = (lang) => TEXTS[language(lang)];
