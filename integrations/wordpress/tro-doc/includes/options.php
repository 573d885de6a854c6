<?php

/**
 * The plugin's settings: one table of options with their defaults and sanitizers, read in one place.
 *
 * @package TroDoc
 */

defined('ABSPATH') || exit;

/** Longest CSS selector accepted, as the Trợ Đọc server's /embed page accepts. */
const TRODOC_MAX_SELECTOR = 200;

/**
 * The options: name => [default, sanitizer]. Block themes put the post's content in
 * `.wp-block-post-content` and its title in `.wp-block-post-title`; classic themes use `.entry-content`
 * and `.entry-title`. Both lists are tried in document order, so one default serves both kinds.
 *
 * @return array<string, array{0: string, 1: callable}>
 */
function trodoc_option_table()
{
    return array(
        'trodoc_server_url' => array('', 'trodoc_sanitize_server_url'),
        'trodoc_target'     => array('.wp-block-post-content, .entry-content', 'trodoc_sanitize_target'),
        'trodoc_title'      => array('.wp-block-post-title, .entry-title', 'trodoc_sanitize_title'),
        'trodoc_lang'       => array('vi', 'trodoc_sanitize_lang'),
        'trodoc_position'   => array('before-target', 'trodoc_sanitize_position'),
        'trodoc_show_on'    => array('singular', 'trodoc_sanitize_show_on'),
    );
}

/**
 * One option's value, or its default when it was never saved.
 *
 * @param string $name An option of trodoc_option_table().
 * @return string
 */
function trodoc_option($name)
{
    $table = trodoc_option_table();
    $value = get_option($name, $table[$name][0]);
    return is_string($value) ? $value : $table[$name][0];
}

/**
 * The server's base URL: the TRODOC_SERVER_URL constant of wp-config.php wins over the option, so a
 * deployment can pin it where site administrators cannot change it.
 *
 * @return string Without a trailing slash; empty when not configured.
 */
function trodoc_server_url()
{
    if (trodoc_server_url_is_pinned()) {
        return untrailingslashit(trodoc_clean_url((string) TRODOC_SERVER_URL));
    }
    return untrailingslashit(trodoc_option('trodoc_server_url'));
}

/**
 * Whether wp-config.php sets the server URL.
 *
 * @return bool
 */
function trodoc_server_url_is_pinned()
{
    return defined('TRODOC_SERVER_URL') && '' !== (string) TRODOC_SERVER_URL;
}

/**
 * An http(s) URL of a server's root (no query, no fragment), or '' when the text is not one.
 *
 * @param string $value What was entered.
 * @return string
 */
function trodoc_clean_url($value)
{
    $value = trim($value);
    $parts = wp_parse_url($value);
    if (
        !is_array($parts) || empty($parts['host']) || empty($parts['scheme'])
        || !in_array(strtolower($parts['scheme']), array('http', 'https'), true)
        || isset($parts['query']) || isset($parts['fragment']) || isset($parts['user'])
    ) {
        return '';
    }
    return esc_url_raw(untrailingslashit($value), array('http', 'https'));
}

/**
 * Whether a selector is safe to print in an attribute and plausible as CSS: no markup, no
 * declaration blocks, no control characters (the same rule as the server's /embed page).
 *
 * @param string $value The selector.
 * @return bool
 */
function trodoc_is_selector($value)
{
    return '' !== $value && strlen($value) <= TRODOC_MAX_SELECTOR && !preg_match('/[<{};\\\\\x00-\x1f\x7f]/', $value);
}

/**
 * Keeps the saved value and reports why when a new one is refused.
 *
 * @param string $name    The option.
 * @param string $message What was wrong, for the settings page.
 * @return string The option's current value.
 */
function trodoc_refuse($name, $message)
{
    // WordPress sanitizes an option that is saved for the first time twice (update, then add): say it once.
    if (!get_settings_errors($name)) {
        add_settings_error($name, $name . '-invalid', $message);
    }
    return trodoc_option($name);
}

/**
 * Sanitizer of trodoc_server_url.
 *
 * @param mixed $value What the form sent.
 * @return string
 */
function trodoc_sanitize_server_url($value)
{
    $value = is_string($value) ? trim($value) : '';
    if ('' === $value) {
        return '';
    }
    $clean = trodoc_clean_url($value);
    if ('' === $clean) {
        return trodoc_refuse(
            'trodoc_server_url',
            __('The server address must be an http:// or https:// address without ? or #, for example https://trodoc.example.gov.vn.', 'tro-doc')
        );
    }
    return $clean;
}

/**
 * A selector option's sanitizer: empty brings the default back.
 *
 * @param string $name  The option.
 * @param mixed  $value What the form sent.
 * @return string
 */
function trodoc_sanitize_selector($name, $value)
{
    $value = is_string($value) ? trim($value) : '';
    if ('' === $value) {
        return trodoc_option_table()[$name][0];
    }
    if (!trodoc_is_selector($value)) {
        return trodoc_refuse(
            $name,
            /* translators: %d: the longest selector accepted, in characters. */
            sprintf(__('A selector must be 1 to %d characters long, without < { } ; \\ or control characters.', 'tro-doc'), TRODOC_MAX_SELECTOR)
        );
    }
    return $value;
}

/**
 * Sanitizer of trodoc_target.
 *
 * @param mixed $value What the form sent.
 * @return string
 */
function trodoc_sanitize_target($value)
{
    return trodoc_sanitize_selector('trodoc_target', $value);
}

/**
 * Sanitizer of trodoc_title.
 *
 * @param mixed $value What the form sent.
 * @return string
 */
function trodoc_sanitize_title($value)
{
    return trodoc_sanitize_selector('trodoc_title', $value);
}

/**
 * One of a fixed set of values, or the saved one.
 *
 * @param string   $name    The option.
 * @param mixed    $value   What the form sent.
 * @param string[] $allowed The values accepted.
 * @return string
 */
function trodoc_sanitize_choice($name, $value, $allowed)
{
    if (is_string($value) && in_array($value, $allowed, true)) {
        return $value;
    }
    return trodoc_refuse($name, __('Choose one of the values offered.', 'tro-doc'));
}

/**
 * Sanitizer of trodoc_lang.
 *
 * @param mixed $value What the form sent.
 * @return string
 */
function trodoc_sanitize_lang($value)
{
    return trodoc_sanitize_choice('trodoc_lang', $value, array_keys(trodoc_choices()['trodoc_lang']));
}

/**
 * Sanitizer of trodoc_position.
 *
 * @param mixed $value What the form sent.
 * @return string
 */
function trodoc_sanitize_position($value)
{
    return trodoc_sanitize_choice('trodoc_position', $value, array_keys(trodoc_choices()['trodoc_position']));
}

/**
 * Sanitizer of trodoc_show_on.
 *
 * @param mixed $value What the form sent.
 * @return string
 */
function trodoc_sanitize_show_on($value)
{
    return trodoc_sanitize_choice('trodoc_show_on', $value, array_keys(trodoc_choices()['trodoc_show_on']));
}

/**
 * The values of the options that are a choice, with their labels (translated).
 *
 * @return array<string, array<string, string>>
 */
function trodoc_choices()
{
    return array(
        'trodoc_lang'     => array(
            'vi' => __('Vietnamese', 'tro-doc'),
            'en' => __('English', 'tro-doc'),
        ),
        'trodoc_position' => array(
            'before-target' => __('A bar above the article', 'tro-doc'),
            'floating'      => __('A floating button at the bottom of the screen', 'tro-doc'),
        ),
        'trodoc_show_on'  => array(
            'singular' => __('Posts and pages only', 'tro-doc'),
            'all'      => __('Every page of the site', 'tro-doc'),
        ),
    );
}
