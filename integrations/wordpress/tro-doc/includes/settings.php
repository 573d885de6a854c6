<?php

/**
 * Settings → Trợ Đọc: the Settings API page (options.php checks the capability and the nonce, the
 * sanitizers of includes/options.php check the values).
 *
 * @package TroDoc
 */

defined('ABSPATH') || exit;

/** The settings page's slug and the Settings API group of its options. */
const TRODOC_PAGE = 'tro-doc';

/**
 * Registers the options (with their sanitizers and defaults), the section and the fields.
 *
 * @return void
 */
function trodoc_register_settings()
{
    foreach (trodoc_option_table() as $name => $option) {
        register_setting(TRODOC_PAGE, $name, array(
            'type'              => 'string',
            'default'           => $option[0],
            'sanitize_callback' => $option[1],
            'show_in_rest'      => false,
        ));
    }
    add_settings_section('trodoc_main', '', '__return_false', TRODOC_PAGE);
    $fields = array(
        'trodoc_server_url' => __('Trợ Đọc server address', 'tro-doc'),
        'trodoc_target'     => __('Article (CSS selector)', 'tro-doc'),
        'trodoc_title'      => __('Article title (CSS selector)', 'tro-doc'),
        'trodoc_lang'       => __('Language of the bar', 'tro-doc'),
        'trodoc_position'   => __('Position', 'tro-doc'),
        'trodoc_show_on'    => __('Show on', 'tro-doc'),
    );
    foreach ($fields as $name => $label) {
        $choice = isset(trodoc_choices()[$name]);
        add_settings_field($name, $label, $choice ? 'trodoc_choice_field' : 'trodoc_text_field', TRODOC_PAGE, 'trodoc_main', array(
            'name'      => $name,
            'label'     => $label,
            'label_for' => $choice ? null : $name,
        ));
    }
}

/**
 * Adds Settings → Trợ Đọc for those who may change the site's options.
 *
 * @return void
 */
function trodoc_add_settings_page()
{
    add_options_page(__('Trợ Đọc', 'tro-doc'), __('Trợ Đọc', 'tro-doc'), 'manage_options', TRODOC_PAGE, 'trodoc_render_settings_page');
}

/**
 * The help under a field.
 *
 * @param string $name The option.
 * @return string Plain text.
 */
function trodoc_field_help($name)
{
    $help = array(
        'trodoc_server_url' => __('The address of the Trợ Đọc server that reads the articles, for example https://trodoc.example.gov.vn. Nothing is added to the site until it is set.', 'tro-doc'),
        'trodoc_target'     => __('The element that holds the post\'s text. The default fits block themes and classic themes.', 'tro-doc'),
        'trodoc_title'      => __('The post\'s title, shown outside the text by most themes: it is enlarged with the text and read first.', 'tro-doc'),
    );
    return isset($help[$name]) ? $help[$name] : '';
}

/**
 * A text field (the server address or a selector).
 *
 * @param array{name: string} $args From add_settings_field().
 * @return void
 */
function trodoc_text_field($args)
{
    $name   = $args['name'];
    $url    = 'trodoc_server_url' === $name;
    $pinned = $url && trodoc_server_url_is_pinned();
    $value  = $pinned ? trodoc_server_url() : trodoc_option($name);
    printf(
        '<input type="%1$s" id="%2$s" name="%2$s" value="%3$s" class="regular-text code" aria-describedby="%2$s-help"%4$s%5$s>',
        $url ? 'url' : 'text',
        esc_attr($name),
        esc_attr($value),
        $url ? ' placeholder="https://" inputmode="url" autocomplete="url"' : ' spellcheck="false"',
        $pinned ? ' readonly' : ''
    );
    $help = $pinned
        ? __('Set in wp-config.php (TRODOC_SERVER_URL); change it there.', 'tro-doc')
        : trodoc_field_help($name);
    printf('<p class="description" id="%s-help">%s</p>', esc_attr($name), esc_html($help));
}

/**
 * Radio buttons for an option with a fixed set of values.
 *
 * @param array{name: string, label: string} $args From add_settings_field().
 * @return void
 */
function trodoc_choice_field($args)
{
    $name    = $args['name'];
    $current = trodoc_option($name);
    echo '<fieldset><legend class="screen-reader-text">' . esc_html($args['label']) . '</legend>';
    foreach (trodoc_choices()[$name] as $value => $label) {
        printf(
            '<label><input type="radio" name="%s" value="%s"%s> %s</label><br>',
            esc_attr($name),
            esc_attr($value),
            checked($current, $value, false),
            esc_html($label)
        );
    }
    echo '</fieldset>';
}

/**
 * The tag as it is printed on the site's pages, as text to show (for a Content-Security-Policy or
 * another site).
 *
 * @return string
 */
function trodoc_tag_text()
{
    $parts = array();
    foreach (trodoc_tag_attributes() as $attribute => $value) {
        $parts[] = true === $value ? $attribute : sprintf('%s="%s"', $attribute, esc_attr($value));
    }
    return '<script ' . implode(' ', $parts) . '></script>';
}

/**
 * Settings → Trợ Đọc. WordPress shows the settings' errors and "Settings saved" itself on the pages
 * under Settings.
 *
 * @return void
 */
function trodoc_render_settings_page()
{
    if (!current_user_can('manage_options')) {
        return;
    }
    $server = trodoc_server_url();
    $home   = wp_parse_url(home_url());
    $origin = $home['scheme'] . '://' . $home['host'] . (isset($home['port']) ? ':' . $home['port'] : '');
    echo '<div class="wrap"><h1>' . esc_html(get_admin_page_title()) . '</h1>';
    echo '<p>' . esc_html__('Trợ Đọc adds a reading bar to posts and pages: text size up to 200 %, contrast, line spacing, and the article read aloud, sentence by sentence.', 'tro-doc') . '</p>';
    echo '<form action="options.php" method="post">';
    settings_fields(TRODOC_PAGE);
    do_settings_sections(TRODOC_PAGE);
    submit_button();
    echo '</form>';
    if ('' !== $server) {
        echo '<h2>' . esc_html__('The tag on your pages', 'tro-doc') . '</h2>';
        echo '<pre id="trodoc-tag"><code>' . esc_html(trodoc_tag_text()) . '</code></pre>';
        printf(
            '<p>%s <a href="%s">%s</a></p>',
            /* translators: %s: this site's origin, such as https://example.gov.vn. */
            esc_html(sprintf(__('The server must allow this site\'s origin (%s) in TRODOC_ALLOWED_ORIGINS. If the site sends a Content-Security-Policy, the server\'s embedding page lists what to add, with a preview.', 'tro-doc'), $origin)),
            esc_url($server . '/embed'),
            esc_html__('Open the embedding page', 'tro-doc')
        );
    }
    echo '</div>';
}

/**
 * Says, to those who can fix it, that nothing is added to the site until the server address is set.
 *
 * @return void
 */
function trodoc_missing_server_notice()
{
    if ('' !== trodoc_server_url() || !current_user_can('manage_options')) {
        return;
    }
    $screen = get_current_screen();
    if (!$screen || !in_array($screen->id, array('plugins', 'settings_page_' . TRODOC_PAGE, 'dashboard'), true)) {
        return;
    }
    printf(
        '<div class="notice notice-warning"><p>%s <a href="%s">%s</a></p></div>',
        esc_html__('Trợ Đọc is not shown on the site yet: enter the address of the Trợ Đọc server.', 'tro-doc'),
        esc_url(admin_url('options-general.php?page=' . TRODOC_PAGE)),
        esc_html__('Settings', 'tro-doc')
    );
}

/**
 * A Settings link on the Plugins screen.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function trodoc_action_links($links)
{
    $settings = sprintf('<a href="%s">%s</a>', esc_url(admin_url('options-general.php?page=' . TRODOC_PAGE)), esc_html__('Settings', 'tro-doc'));
    array_unshift($links, $settings);
    return $links;
}
