<?php

/**
 * Plugin Name:       Trợ Đọc
 * Plugin URI:        https://github.com/trodoc/trodoc
 * Description:       Reading aid for posts and pages: text size up to 200 %, contrast, line spacing, and the article read aloud in Vietnamese, sentence by sentence. Adds the Trợ Đọc server's one script tag.
 * Version:           1.1.0
 * Requires at least: 6.0
 * Requires PHP:      7.4
 * Author:            Trợ Đọc
 * License:           MIT
 * Text Domain:       tro-doc
 * Domain Path:       /languages
 *
 * @package TroDoc
 */

defined('ABSPATH') || exit;

define('TRODOC_PLUGIN_FILE', __FILE__);

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/tag.php';
require_once __DIR__ . '/includes/settings.php';

add_action('init', 'trodoc_load_textdomain');
add_action('wp_head', 'trodoc_print_tag', 99);

if (is_admin()) {
    add_action('admin_init', 'trodoc_register_settings');
    add_action('admin_menu', 'trodoc_add_settings_page');
    add_action('admin_notices', 'trodoc_missing_server_notice');
    add_filter('plugin_action_links_' . plugin_basename(__FILE__), 'trodoc_action_links');
}
