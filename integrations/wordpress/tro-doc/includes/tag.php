<?php

/**
 * The one script tag on the site's pages.
 *
 * @package TroDoc
 */

defined('ABSPATH') || exit;

/**
 * Loads the plugin's translations (languages/tro-doc-LOCALE.mo).
 *
 * @return void
 */
function trodoc_load_textdomain()
{
    load_plugin_textdomain('tro-doc', false, dirname(plugin_basename(TRODOC_PLUGIN_FILE)) . '/languages');
}

/**
 * Whether this request's page gets the tag: a server is configured, and the page is a post or a page
 * (or any page, by the option). Themes and other plugins can decide otherwise with the
 * `trodoc_show_tag` filter.
 *
 * @return bool
 */
function trodoc_wants_tag()
{
    if ('' === trodoc_server_url() || is_admin() || is_feed() || is_embed()) {
        return false;
    }
    $show = 'all' === trodoc_option('trodoc_show_on') || is_singular(array('post', 'page'));
    return (bool) apply_filters('trodoc_show_tag', $show);
}

/**
 * The tag's attributes: the loader's address and the options the operator set, without `defer`: a
 * deferred loader runs after the first paint, so the bar it draws and a returning reader's saved size
 * move the page (measured in Lighthouse: a layout shift of 0.10, and 0.28 for a reader at 125 %, against
 * none without `defer`). `data-position` only when it is not the default, as the server's /embed page
 * writes it.
 *
 * @return array<string, string|bool>
 */
function trodoc_tag_attributes()
{
    $attributes = array(
        'src'         => trodoc_server_url() . '/widget.js',
        'data-target' => trodoc_option('trodoc_target'),
        'data-title'  => trodoc_option('trodoc_title'),
        'data-lang'   => trodoc_option('trodoc_lang'),
    );
    if ('before-target' !== trodoc_option('trodoc_position')) {
        $attributes['data-position'] = trodoc_option('trodoc_position');
    }
    return $attributes;
}

/**
 * Prints the tag at the end of <head> (late on wp_head, after the theme's stylesheets, where the
 * README's placement was measured), at most once per page however often the theme runs the hook.
 * wp_print_script_tag() escapes the attributes and passes them through the `wp_script_attributes`
 * filter, where security plugins add a CSP nonce; it exists on every WordPress this plugin supports.
 *
 * @return void
 */
function trodoc_print_tag()
{
    static $printed = false;
    if ($printed || !trodoc_wants_tag()) {
        return;
    }
    $printed = true;
    wp_print_script_tag(trodoc_tag_attributes());
}
