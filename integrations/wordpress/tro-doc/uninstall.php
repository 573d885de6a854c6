<?php

/**
 * Deleting the plugin deletes its options (on every site of a network), and nothing else: the plugin
 * keeps no other data in WordPress.
 *
 * @package TroDoc
 */

defined('WP_UNINSTALL_PLUGIN') || exit;

require_once __DIR__ . '/includes/options.php';

$trodoc_options = array_keys(trodoc_option_table());
$trodoc_sites   = is_multisite() ? get_sites(array('fields' => 'ids', 'number' => 0)) : array(0);
foreach ($trodoc_sites as $trodoc_site) {
    if ($trodoc_site) {
        switch_to_blog($trodoc_site);
    }
    foreach ($trodoc_options as $trodoc_option) {
        delete_option($trodoc_option);
    }
    if ($trodoc_site) {
        restore_current_blog();
    }
}
