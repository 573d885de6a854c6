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
 * The tag's attributes: the loader's address, defer (it runs once the page is parsed, so it never
 * holds up the first paint), and the options the operator set. `data-position` only when it is not
 * the default, as the server's /embed page writes it.
 *
 * @return array<string, string|bool>
 */
function trodoc_tag_attributes()
{
    $attributes = array(
        'src'         => trodoc_server_url() . '/widget.js',
        'defer'       => true,
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
 * Prints the tag in <head> (on wp_head, first, so the browser fetches the loader as early as it can
 * without waiting for it), at most once per page however often the theme runs the hook.
 * wp_print_script_tag() escapes the attributes and passes them through the `wp_script_attributes`
 * filter, where security plugins add a CSP nonce; it exists on every WordPress this plugin supports,
 * and gives `defer` on those before 6.3, whose script loader has no loading strategies.
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
