"""The WordPress plugin (integrations/wordpress/tro-doc) in a real WordPress: Debian's 6.1 with its
Twenty Twenty-Three theme, on PHP-FPM, nginx and a throwaway MariaDB database (tests/browser/wordpress.py).

An operator uploads the zip that ``make wordpress-plugin`` builds, activates it, enters the server's
address on Settings → Trợ Đọc; then every post and page has one working bar, placed with the post, its
title enlarged and read first.
"""
from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.browser.conftest import serve_trodoc
from tests.browser.listen_helpers import RECORD, watch
from tests.browser.probes import run_axe, sized
from tests.browser.wordpress import ADMIN, PASSWORD, WordPress, php_string
from tests.fake_google import FakeGoogle

ROOT = Path(__file__).resolve().parents[2]
ZIP = ROOT / "dist" / "tro-doc.zip"
TITLE = "Đắk Song đẩy mạnh dịch vụ công trực tuyến"
# A post as the block editor saves it: a heading, a figure with its caption, a list and links.
CONTENT = """<!-- wp:paragraph -->
<p>Năm 2023, huyện Đắk Song tiếp tục đẩy mạnh <a href="https://example.test/cchc">cải cách hành chính</a> và chuyển đổi số.</p>
<!-- /wp:paragraph -->
<!-- wp:heading -->
<h2>Kết quả nổi bật</h2>
<!-- /wp:heading -->
<!-- wp:image -->
<figure class="wp-block-image"><img src="/wp-includes/images/w-logo-blue.png" alt="Bộ phận một cửa của huyện"/><figcaption>Bộ phận một cửa.</figcaption></figure>
<!-- /wp:image -->
<!-- wp:list -->
<ul><li>Hơn 90 % hồ sơ được giải quyết đúng hạn.</li><li>Người dân tra cứu hồ sơ tại <a href="https://example.test/tra-cuu">cổng dịch vụ công</a>.</li></ul>
<!-- /wp:list -->
<!-- wp:paragraph -->
<p>Cán bộ một cửa hướng dẫn người dân ở các xã xa trung tâm tận nơi.</p>
<!-- /wp:paragraph -->"""  # noqa: E501 (the block editor writes each block's HTML on one line)
TAG = re.compile(r"<script[^>]*/widget\.js[^>]*></script>")
NEXT_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.fixture(scope="module")
def wordpress(tmp_path_factory):
    # From the current sources, as make test builds it: pytest alone must not test a stale zip.
    subprocess.run(["make", "-s", "wordpress-plugin"], cwd=ROOT, check=True, capture_output=True)
    site = WordPress(tmp_path_factory.mktemp("wordpress")).start()
    yield site
    site.stop()


@pytest.fixture(scope="module")
def trodoc(tmp_path_factory, wordpress):
    """The Trợ Đọc server as the README tells operators to set it up: the site's origin allowed."""
    with FakeGoogle() as google:
        server = serve_trodoc(tmp_path_factory.mktemp("trodoc"), google, ALLOWED_ORIGINS=wordpress.url)
        yield server
        server.close()


@pytest.fixture(scope="module")
def admin(browser, wordpress):
    """A browser context logged in to wp-admin as the site's administrator."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(wordpress.url + "/wp-login.php")
    page.fill("#user_login", ADMIN)
    page.fill("#user_pass", PASSWORD)
    page.click("#wp-submit")
    page.wait_for_url("**/wp-admin/**")
    yield page
    context.close()


def create(wordpress: WordPress, post_type: str, title: str = TITLE) -> str:
    """A published post (or page) of the block content above; its address."""
    return wordpress.php(f"""$id = wp_insert_post(wp_slash(array('post_type' => '{post_type}',
        'post_status' => 'publish', 'post_title' => {php_string(title)}, 'post_content' => {php_string(CONTENT)})),
        true);
        if (is_wp_error($id)) {{ fwrite(STDERR, $id->get_error_message()); exit(1); }}
        echo wp_make_link_relative(get_permalink($id));""")


def options(wordpress: WordPress, **values: str) -> None:
    """Saves the plugin's options as the settings page does (through their sanitizers)."""
    wordpress.php("".join(f"update_option('trodoc_{name}', {php_string(value)});" for name, value in values.items()))


def tags(html: str) -> list[str]:
    return TAG.findall(html)


def test_the_zip_holds_the_plugin_and_its_translations():
    subprocess.run(["make", "-s", "wordpress-plugin"], cwd=ROOT, check=True, capture_output=True)
    with zipfile.ZipFile(ZIP) as archive:
        names = set(archive.namelist())
    assert {"tro-doc/tro-doc.php", "tro-doc/readme.txt", "tro-doc/uninstall.php", "tro-doc/includes/tag.php",
            "tro-doc/languages/tro-doc.pot", "tro-doc/languages/tro-doc-vi.po",
            "tro-doc/languages/tro-doc-vi.mo"} <= names
    assert all(name.startswith("tro-doc/") for name in names)
    languages = ROOT / "build" / "wordpress" / "tro-doc" / "languages"
    # Every string the code marks for translation has its Vietnamese translation.
    compared = subprocess.run(["msgcmp", str(languages / "tro-doc-vi.po"), str(languages / "tro-doc.pot")],
                              capture_output=True, text=True)
    assert compared.returncode == 0, compared.stderr
    untranslated = subprocess.run(["msgattrib", "--untranslated", "--only-fuzzy", str(languages / "tro-doc-vi.po")],
                                  capture_output=True, text=True, check=True)
    assert untranslated.stdout == ""


def save(page) -> None:
    """Submits the settings form and waits for the settings page WordPress redirects back to (with its
    notices): reading the page before that reads the form that was submitted."""
    with page.expect_navigation(url="**/options-general.php?page=tro-doc*"):
        page.click("#submit")


def test_an_operator_uploads_activates_and_sets_the_server(admin, wordpress, trodoc):
    page = admin
    page.goto(wordpress.url + "/wp-admin/plugin-install.php?tab=upload")
    page.set_input_files("#pluginzip", str(ZIP))
    page.click("#install-plugin-submit")
    page.click("a.button-primary:has-text('Activate Plugin')")
    page.wait_for_url("**/wp-admin/plugins.php**")
    assert page.locator("tr[data-slug='tro-doc'].active").count() == 1
    # Until the server is set the site is unchanged, and the Plugins screen says what to do.
    notice = page.locator(".notice-warning", has_text="enter the address of the Trợ Đọc server")
    assert notice.count() == 1
    assert tags(wordpress.get("/hello-world/")[1]) == []
    page.click("tr[data-slug='tro-doc'] a:has-text('Settings')")
    page.wait_for_url("**/options-general.php?page=tro-doc")
    assert page.input_value("#trodoc_target") == ".wp-block-post-content, .entry-content"
    assert page.input_value("#trodoc_title") == ".wp-block-post-title, .entry-title"
    assert page.is_checked("input[name=trodoc_lang][value=vi]")
    assert page.is_checked("input[name=trodoc_position][value=before-target]")
    assert page.is_checked("input[name=trodoc_show_on][value=singular]")
    assert page.get_attribute("#trodoc_server_url", "aria-describedby") == "trodoc_server_url-help"

    # A bad address and a selector that could break out of the attribute are refused, with a reason.
    page.fill("#trodoc_server_url", "javascript:alert(1)")
    page.fill("#trodoc_target", '"><script>alert(1)</script>')
    save(page)
    errors = page.locator(".notice-error, .error").all_inner_texts()
    assert len(errors) == 2
    assert "http:// or https://" in errors[0] and "A selector must be 1 to 200 characters" in errors[1]
    assert page.input_value("#trodoc_server_url") == ""
    assert page.input_value("#trodoc_target") == ".wp-block-post-content, .entry-content"

    page.fill("#trodoc_server_url", trodoc.url + "/")
    save(page)
    assert page.locator("#setting-error-settings_updated").count() == 1
    assert page.input_value("#trodoc_server_url") == trodoc.url
    assert page.inner_text("#trodoc-tag") == (
        f'<script src="{trodoc.url}/widget.js" data-target=".wp-block-post-content, .entry-content"'
        ' data-title=".wp-block-post-title, .entry-title" data-lang="vi"></script>')
    assert page.locator(".notice-warning", has_text="enter the address").count() == 0


def test_only_administrators_change_the_settings(browser, admin, wordpress, trodoc):
    """The page needs manage_options; a save needs the form's nonce."""
    wordpress.php("wp_insert_user(array('user_login' => 'bientap', 'user_pass' => 'bien-tap-1', 'role' => 'editor'));")
    context = browser.new_context()
    try:
        editor = context.new_page()
        editor.goto(wordpress.url + "/wp-login.php")
        editor.fill("#user_login", "bientap")
        editor.fill("#user_pass", "bien-tap-1")
        editor.click("#wp-submit")
        editor.wait_for_url("**/wp-admin/**")
        response = editor.goto(wordpress.url + "/wp-admin/options-general.php?page=tro-doc")
        assert response.status == 403 and editor.locator("#trodoc_server_url").count() == 0
        assert editor.locator("#adminmenu a[href='options-general.php?page=tro-doc']").count() == 0
    finally:
        context.close()
    forged = admin.request.post(wordpress.url + "/wp-admin/options.php", form={
        "option_page": "tro-doc", "action": "update", "_wpnonce": "0123456789",
        "trodoc_server_url": "https://ke-gia-mao.example"})
    assert forged.status == 403
    assert wordpress.php("echo get_option('trodoc_server_url');") == trodoc.url


def test_a_post_has_one_bar_with_its_title(browser, wordpress, trodoc):
    path = create(wordpress, "post")
    status, html = wordpress.get(path)
    assert status == 200
    head = html.split("</head>")[0]
    # One tag, at the end of <head> after the theme's stylesheets, without defer (see includes/tag.php).
    assert tags(html) == [f'<script src="{trodoc.url}/widget.js" data-target=".wp-block-post-content,'
                          ' .entry-content" data-title=".wp-block-post-title, .entry-title" data-lang="vi"></script>']
    assert tags(head) == tags(html)
    assert head.index("/widget.js") > head.rindex("<link rel='stylesheet'")

    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    try:
        context.add_init_script(RECORD)
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(wordpress.url + path)
        page.locator("trodoc-bar[data-ready]").wait_for(state="attached")
        placed = page.evaluate("""() => {
          const host = document.querySelectorAll('trodoc-bar'), target = document.querySelector('[data-trodoc-target]');
          const title = document.querySelector('[data-trodoc-title]'), p = target.querySelector('p');
          const box = (el) => el.getBoundingClientRect();
          return { bars: host.length, target: target.className, title: title && title.textContent,
                   next: host[0].nextElementSibling === target, titleBottom: box(title).bottom,
                   bar: box(host[0]).toJSON(), p: box(p).toJSON() }; }""")
        assert placed["bars"] == 1 and placed["next"]
        assert "wp-block-post-content" in placed["target"]
        assert placed["title"] == TITLE
        # Below the title, above the text, on the text's column (not the page's full width).
        assert placed["titleBottom"] <= placed["bar"]["top"] < placed["p"]["top"]
        assert abs(placed["bar"]["left"] - placed["p"]["left"]) <= 1
        assert abs(placed["bar"]["right"] - placed["p"]["right"]) <= 1

        sizes = "() => ['[data-trodoc-title]', '[data-trodoc-target] p', '[data-trodoc-target] li', 'figcaption']" \
                ".map((s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"
        before = page.evaluate(sizes)
        page.locator("trodoc-bar [data-key=larger]").click()
        page.locator("trodoc-bar [data-key=larger]").click()
        sized(page)
        after = page.evaluate(sizes)
        assert [round(b / a, 2) for a, b in zip(before, after, strict=True)] == [1.25] * 4
        assert page.locator("trodoc-bar [data-key=reset] > span").first.inner_text() == "125 %"

        page.wait_for_function("() => window.TroDoc")
        watch(page)
        page.locator("trodoc-bar [data-key=listen]").click()
        page.wait_for_function("() => window.__seg.some((s) => s.index >= 0)")
        first = next(s for s in page.evaluate("window.__seg") if s["index"] >= 0)
        assert first["index"] == 0 and first["text"] == TITLE and first["shown"] == TITLE
        page.wait_for_function("() => window.__audios.length && !window.__audios[0].paused")
        assert page.evaluate("window.__audios[0].src").startswith(trodoc.url + "/audio/")
        assert [v for v in run_axe(page) if "trodoc" in json.dumps(v)] == []
    finally:
        context.close()
    assert errors == []


def test_pages_too_but_not_lists_unless_asked(wordpress, trodoc):
    assert len(tags(wordpress.get(create(wordpress, "page", "Giới thiệu"))[1])) == 1
    for path in ("/", "/?s=d%E1%BB%8Bch+v%E1%BB%A5", "/feed/", "/category/uncategorized/"):
        assert tags(wordpress.get(path)[1]) == [], path
    options(wordpress, show_on="all", position="floating", lang="en")
    try:
        home = tags(wordpress.get("/")[1])
        assert len(home) == 1 and 'data-lang="en" data-position="floating"' in home[0]
        assert tags(wordpress.get("/feed/")[1]) == []
    finally:
        options(wordpress, show_on="singular", position="before-target", lang="vi")


def test_the_tag_is_printed_once_however_often_the_theme_runs_wp_head(wordpress):
    path = create(wordpress, "post", "Hai lần wp_head")
    printed = wordpress.php(f"""wp(array('pagename' => '', 'name' => {php_string(path.strip('/'))}));
        ob_start(); do_action('wp_head'); do_action('wp_head'); echo ob_get_clean();""")
    assert len(tags(printed)) == 1


def test_the_constant_in_wp_config_wins(wordpress, trodoc):
    pinned = "http://127.0.0.1:9/"
    wordpress.extra_config.write_text(f"<?php define('TRODOC_SERVER_URL', '{pinned}');\n")
    try:
        html = wordpress.get("/hello-world/")[1]
        assert tags(html)[0].startswith('<script src="http://127.0.0.1:9/widget.js" data-target')
        field = wordpress.php("ob_start(); trodoc_text_field(array('name' => 'trodoc_server_url')); "
                              "echo ob_get_clean();")
        assert 'value="http://127.0.0.1:9"' in field and " readonly" in field and "wp-config.php" in field
        assert wordpress.php("echo get_option('trodoc_server_url');") == trodoc.url
    finally:
        wordpress.extra_config.unlink()
    assert tags(wordpress.get("/hello-world/")[1])[0].startswith(f'<script src="{trodoc.url}/widget.js"')


def test_the_settings_page_speaks_vietnamese(admin, wordpress):
    wordpress.php("update_user_meta(1, 'locale', 'vi');")
    try:
        admin.goto(wordpress.url + "/wp-admin/options-general.php?page=tro-doc")
        assert admin.inner_text("label[for=trodoc_server_url]") == "Địa chỉ máy chủ Trợ Đọc"
        assert admin.locator("label", has_text="Thanh công cụ phía trên bài viết").count() == 1
        assert "Máy chủ phải cho phép địa chỉ (origin) của website này" in admin.inner_text(".wrap")
        admin.goto(wordpress.url + "/wp-admin/plugins.php")
        assert admin.locator("tr[data-slug='tro-doc'] a", has_text="Cài đặt").count() == 1
    finally:
        wordpress.php("delete_user_meta(1, 'locale');")


def test_uninstalling_removes_the_options(wordpress):
    """Last in this module: the plugin's settings go with it, and WordPress logged nothing about it."""
    names = json.loads(wordpress.php("echo wp_json_encode(array_keys(trodoc_option_table()));"))
    assert names == ["trodoc_server_url", "trodoc_target", "trodoc_title", "trodoc_lang", "trodoc_position",
                     "trodoc_show_on"]
    options(wordpress, target="#noi-dung")
    wordpress.php("require_once ABSPATH . 'wp-admin/includes/plugin.php';"
                  " deactivate_plugins('tro-doc/tro-doc.php'); uninstall_plugin('tro-doc/tro-doc.php');")
    left = wordpress.php("echo wp_json_encode(array_map(function ($n) { return get_option($n, null); }, "
                         + "array(" + ", ".join(map(php_string, names)) + ")));")
    assert json.loads(left) == [None] * len(names)
    assert wordpress.plugin_notices() == []
