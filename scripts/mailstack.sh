#!/usr/bin/env bash
# A private mail stack on loopback, for the tests and the demo: Postfix takes mail over SMTP
# and hands it to Dovecot over LMTP; Dovecot keeps the mailboxes (Maildir) and serves IMAP.
# Everything lives in one folder; nothing else on the machine is touched or listens.
#
#   scripts/mailstack.sh start DIR    starts both; writes DIR/env (ports, the support password)
#   scripts/mailstack.sh stop DIR     stops both
#
# Every address signs in over IMAP with the one password in DIR/env (each test or demo
# mailbox is just a new address), and any address of the domains below gets mail.
# TLS as a company runs it with its own CA: the stack makes a CA and a certificate for
# localhost / 127.0.0.1 (DIR/tls/ca.pem is the CA to trust); Dovecot also serves IMAP over
# TLS (ARBITER_TEST_IMAPS_PORT) and Postfix offers STARTTLS on its SMTP port.
# Mail for any domain is delivered into the stack's own mailboxes (customers' addresses are
# at many domains); nothing leaves the machine. One address is refused outright, as a mail
# server refuses an unknown user: rejected@example.net (550 5.1.1).
set -euo pipefail

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

start() {
  local dir=$1
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  # Postfix's and Dovecot's own users work in here (mktemp makes folders only we can enter).
  chmod 755 "$dir"
  local imap_port lmtp_port smtp_port imaps_port
  imap_port=$(free_port 31143)
  lmtp_port=$(free_port $((imap_port + 1)))
  smtp_port=$(free_port $((lmtp_port + 1)))
  imaps_port=$(free_port $((smtp_port + 1)))
  mkdir -p "$dir/dovecot/run" "$dir/dovecot/state" "$dir/mail" "$dir/postfix" "$dir/tls"

  # A private CA and the servers' certificate it signs (what a company's mail servers have).
  local tls=$dir/tls
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Arbiter test mail CA" \
    -keyout "$tls/ca.key" -out "$tls/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > "$tls/ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial -days 2 \
    -extfile "$tls/ext" -out "$tls/server.pem" 2>/dev/null
  chmod 644 "$tls"/*.pem "$tls/server.key"

  # Mail is stored as an ordinary user: `mail` when run as root, else the caller.
  local mail_user login_user internal_user
  if [ "$(id -u)" -eq 0 ]; then
    mail_user=mail login_user=dovenull internal_user=dovecot
    chown mail:mail "$dir/mail"
  else
    mail_user=$(id -un) login_user=$(id -un) internal_user=$(id -un)
  fi
  local support_password
  support_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')

  cat > "$dir/dovecot/dovecot.conf" <<EOF
base_dir = $dir/dovecot/run
state_dir = $dir/dovecot/state
log_path = $dir/dovecot/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = yes
ssl_cert = <$tls/server.pem
ssl_key = <$tls/server.key
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = $login_user
default_internal_user = $internal_user
first_valid_uid = 1
mail_location = maildir:$dir/mail/%u
mail_max_userip_connections = 100
imap_idle_notify_interval = 1 secs
passdb {
  driver = static
  args = password=$support_password
}
userdb {
  driver = static
  args = uid=$mail_user gid=$mail_user home=$dir/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps_port
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $lmtp_port
  }
}
service auth {
  unix_listener auth-userdb {
    mode = 0666
  }
}
protocol lmtp {
  postmaster_address = postmaster@exchange.example
}
EOF
  dovecot -c "$dir/dovecot/dovecot.conf"

  # Postfix: its own configuration directory, queue and log; SMTP on loopback only.
  local pf=$dir/postfix
  cat > "$pf/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $pf/queue
data_directory = $pf/data
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mail.exchange.example
mydomain = exchange.example
myorigin = exchange.example
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
relay_domains =
virtual_mailbox_domains = static:all
virtual_transport = lmtp:inet:127.0.0.1:$lmtp_port
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_recipient_restrictions = check_recipient_access inline:{ { rejected@example.net = 550 5.1.1 <rejected@example.net>: Recipient address rejected: User unknown } }, permit_mynetworks, reject
smtputf8_enable = yes
message_size_limit = 62914560
maillog_file = $pf/postfix.log
maillog_file_prefixes = $pf
biff = no
append_dot_mydomain = no
smtpd_tls_cert_file = $tls/server.pem
smtpd_tls_key_file = $tls/server.key
smtpd_tls_security_level = may
EOF
  # The stock services, with smtpd on the private port instead of 25 and nothing chrooted.
  awk -v port="$smtp_port" '
    /^smtp[ \t]+inet/ { print "127.0.0.1:" port " inet n - n - - smtpd"; next }
    /^(submission|submissions|smtps|628)[ \t]+inet/ { skip = 1; next }
    skip && /^[ \t]/ { next }
    { skip = 0; print }
  ' /etc/postfix/master.cf | sed -E 's/^([a-z0-9]+[ \t]+(unix|unix-dgram|fifo|pass)[ \t]+[-yn][ \t]+[-yn][ \t]+)y/\1n/' > "$pf/master.cf"
  mkdir -p "$pf/queue" "$pf/data"
  if [ "$(id -u)" -eq 0 ]; then chown postfix "$pf/data"; else sudo chown postfix "$pf/data"; fi
  # Postfix reports a failure to start only to a terminal or syslog: give it a terminal.
  if ! as_root postfix -c "$pf" start >/dev/null 2>&1; then
    script -qc "postfix -c $pf start" /dev/null >&2 || true
    echo "Postfix did not start" >&2
    exit 1
  fi

  cat > "$dir/env" <<EOF
ARBITER_TEST_IMAP_PORT=$imap_port
ARBITER_TEST_IMAPS_PORT=$imaps_port
ARBITER_TEST_CA_FILE=$tls/ca.pem
ARBITER_TEST_SMTP_PORT=$smtp_port
ARBITER_TEST_LMTP_PORT=$lmtp_port
ARBITER_TEST_SUPPORT_PASSWORD=$support_password
ARBITER_TEST_MAIL_DIR=$dir
EOF
  # Wait until both answer.
  for port in "$imap_port" "$imaps_port" "$smtp_port"; do
    for _ in $(seq 1 100); do
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
      sleep 0.1
    done
  done
}

stop() {
  local dir=$1
  [ -f "$dir/postfix/main.cf" ] && as_root postfix -c "$dir/postfix" stop >/dev/null 2>&1 || true
  [ -f "$dir/dovecot/dovecot.conf" ] && doveadm -c "$dir/dovecot/dovecot.conf" stop >/dev/null 2>&1 || true
}

case "${1:-}" in
  start) start "$2" ;;
  stop) stop "$2" ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
