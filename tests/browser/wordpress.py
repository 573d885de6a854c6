"""A real WordPress for the plugin's tests: Debian's package (6.1) copied into a temporary folder, on
its own PHP-FPM and nginx on loopback, with a throwaway database on the machine's MariaDB, installed
without wordpress.org (``wp_install`` from PHP, outside requests blocked).

``WordPress.php(code)`` runs PHP with WordPress loaded, as WP-CLI would, and returns what the code
prints. ``extra_config`` is PHP included by ``wp-config.php`` when present, for a test's constants.
"""
from __future__ import annotations

import secrets
import shutil
import subprocess
import urllib.request
from pathlib import Path

from tests.ops.conftest import NGINX, free_port, wait_until

DEBIAN_WORDPRESS = Path("/usr/share/wordpress")
PHP_FPM = shutil.which("php-fpm8.2") or "/usr/sbin/php-fpm8.2"
MYSQL = ("127.0.0.1", "root", "", 3306)
ADMIN, PASSWORD = "quantri", "mật-khẩu-" + secrets.token_hex(4)
NO_PLUGIN_NOTICES = ("tro-doc",)

CONFIG = """<?php
define('DB_NAME', '{db}');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1:3306');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '{url}');
define('WP_SITEURL', '{url}');
// There is no wordpress.org here: update checks and feeds fail at once instead of timing out.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('FS_METHOD', 'direct');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '{log}');
{salts}
$table_prefix = 'wp_';
if (is_file('{extra}')) {{
    require '{extra}';
}}
if (!defined('ABSPATH')) {{
    define('ABSPATH', __DIR__ . '/');
}}
require_once ABSPATH . 'wp-settings.php';
"""
SALTS = ("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT",
         "LOGGED_IN_SALT", "NONCE_SALT")

FPM = """[global]
pid = {tmp}/php-fpm.pid
error_log = {tmp}/php-fpm.log
daemonize = no
[wordpress]
user = root
listen = {tmp}/php.sock
pm = static
pm.max_children = 4
catch_workers_output = yes
"""

NGINX_CONF = """user root;
worker_processes 1;
events {{ worker_connections 256; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  client_max_body_size 16m;
  {temps}
  server {{
    listen 127.0.0.1:{port};
    root {site};
    index index.php;
    location / {{ try_files $uri $uri/ /index.php?$args; }}
    location ~ \\.php$ {{
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
      # Debian's fastcgi_params pass the host without its port; the site's address has one.
      fastcgi_param HTTP_HOST $host:$server_port;
      fastcgi_pass unix:{tmp}/php.sock;
    }}
  }}
}}
"""


def php_string(value: str) -> str:
    """``value`` as a PHP string literal (single-quoted: nothing in it is interpolated)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _mysql(statement: str) -> None:
    host, user, password, port = MYSQL
    code = (f"$m = new mysqli({php_string(host)}, {php_string(user)}, {php_string(password)}, null, {port});"
            f" if (!$m->query({php_string(statement)})) {{ fwrite(STDERR, $m->error); exit(1); }}")
    subprocess.run(["php", "-r", code], check=True, capture_output=True, timeout=30)


class WordPress:
    """One WordPress site under ``tmp``; ``start()`` installs and serves it, ``stop()`` removes it all."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.site = tmp / "site"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database = "trodoc_wp_" + secrets.token_hex(4)
        self.log = tmp / "debug.log"
        self.extra_config = tmp / "extra-config.php"
        self.processes: list[subprocess.Popen] = []

    def start(self) -> WordPress:
        shutil.copytree(DEBIAN_WORDPRESS, self.site, symlinks=True)
        salts = "\n".join(f"define('{name}', '{secrets.token_hex(16)}');" for name in SALTS)
        (self.site / "wp-config.php").write_text(CONFIG.format(
            db=self.database, url=self.url, log=self.log, salts=salts, extra=self.extra_config))
        _mysql(f"CREATE DATABASE `{self.database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        self.php(f"""require_once ABSPATH . 'wp-admin/includes/upgrade.php';
            wp_install('Cổng thông tin xã Nâm N\\'Jang', '{ADMIN}', 'quantri@example.test', true, '', '{PASSWORD}');
            update_option('permalink_structure', '/%postname%/');
            flush_rewrite_rules();""", installing=True)
        (self.tmp / "php-fpm.conf").write_text(FPM.format(tmp=self.tmp))
        temps = " ".join(f"{name}_temp_path {self.tmp / name};"
                         for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (self.tmp / "nginx.conf").write_text(NGINX_CONF.format(port=self.port, site=self.site, tmp=self.tmp,
                                                               temps=temps))
        self.processes.append(subprocess.Popen([PHP_FPM, "-R", "-F", "-y", str(self.tmp / "php-fpm.conf")],
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                               start_new_session=True))
        self.processes.append(subprocess.Popen(
            [NGINX, "-p", str(self.tmp), "-c", str(self.tmp / "nginx.conf"),
             "-g", f"daemon off; pid {self.tmp / 'nginx.pid'}; error_log {self.tmp / 'nginx-error.log'};"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        wait_until(lambda: self.get("/wp-login.php")[0] == 200, 15, what="WordPress on nginx and PHP-FPM")
        return self

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait(timeout=10)
        _mysql(f"DROP DATABASE IF EXISTS `{self.database}`")

    def php(self, code: str, installing: bool = False) -> str:
        """Runs ``code`` with WordPress loaded (as the site's first user); returns what it printed."""
        prologue = ("define('WP_INSTALLING', true);" if installing else "") + (
            f"$_SERVER['HTTP_HOST'] = '127.0.0.1:{self.port}'; $_SERVER['REQUEST_URI'] = '/';"
            f" $_SERVER['SERVER_NAME'] = '127.0.0.1'; $_SERVER['SERVER_PORT'] = '{self.port}';"
            f" require '{self.site}/wp-load.php';" + ("" if installing else " wp_set_current_user(1);"))
        done = subprocess.run(["php", "-d", "display_errors=stderr", "-r", prologue + code],
                              capture_output=True, text=True, timeout=60)
        # WordPress keeps errors off the output (WP_DEBUG_DISPLAY) and in its log.
        assert done.returncode == 0, done.stderr + "\n".join(self.log.read_text(errors="replace").splitlines()[-3:]
                                                             if self.log.exists() else [])
        return done.stdout

    def get(self, path: str) -> tuple[int, str]:
        """A GET of the site, without cookies: what a visitor's browser receives."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", errors="replace")

    def plugin_notices(self) -> list[str]:
        """The PHP notices, warnings and errors WordPress logged that come from the plugin."""
        if not self.log.exists():
            return []
        return [line for line in self.log.read_text(errors="replace").splitlines()
                if any(word in line for word in NO_PLUGIN_NOTICES)]
