//! A private nginx on loopback in front of server instances, configured from the file a
//! deployment uses (`deploy/nginx/arbiter.conf`), for the cluster test and `arbiter-load`.
//! (Included by path from both; not a target of its own.)

#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How requests are spread over the instances.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Balance {
    /// As deployed: each token to one instance.
    ByToken,
    /// By the client connection's port: spread however the clients behave (round robin would
    /// put every desk's stream on one instance when each desk makes the same requests first).
    ByConnection,
}

pub struct Nginx {
    child: Child,
    pub url: String,
}

impl Nginx {
    /// Starts nginx in `dir` over `upstreams` (`http://host:port`).
    pub fn start(dir: &Path, upstreams: &[String], balance: Balance) -> Nginx {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let prefix = dir.join("nginx");
        std::fs::create_dir_all(prefix.join("logs")).unwrap();
        let servers: String = upstreams
            .iter()
            .map(|u| format!("    server {} max_fails=1 fail_timeout=5s;\n", u.trim_start_matches("http://")))
            .collect();
        let shipped = include_str!("../../../../../deploy/nginx/arbiter.conf");
        let mut conf = shipped
            .replace("    server 127.0.0.1:8081;\n    server 127.0.0.1:8082;\n    server 127.0.0.1:8083;\n", &servers)
            .replace("listen 127.0.0.1:8080;", &format!("listen 127.0.0.1:{port};"));
        if balance == Balance::ByConnection {
            conf = conf.replace("hash $http_authorization consistent;", "hash $remote_port;");
        }
        assert!(
            !conf.contains(":808") && conf.contains(&format!(":{port};")),
            "the shipped file changed shape:\n{conf}"
        );
        let root = Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0\n")).unwrap_or(false);
        let conf = format!(
            "{}daemon off;\nworker_processes 1;\npid {p}/nginx.pid;\nerror_log {p}/logs/error.log warn;\n\
             events {{ worker_connections 4096; }}\nworker_rlimit_nofile 8192;\n\
             http {{\n    access_log off;\n    client_body_temp_path {p}/body;\n    proxy_temp_path {p}/proxy;\n{conf}\n}}\n",
            if root { "user root;\n" } else { "" },
            p = prefix.display()
        );
        std::fs::write(prefix.join("nginx.conf"), conf).unwrap();
        // Debian puts it in /usr/sbin, which a user's PATH may not name.
        let nginx =
            ["/usr/sbin/nginx", "/usr/local/sbin/nginx"].into_iter().find(|p| Path::new(p).exists()).unwrap_or("nginx");
        let child = Command::new(nginx)
            .arg("-p")
            .arg(&prefix)
            .arg("-c")
            .arg(prefix.join("nginx.conf"))
            .stderr(Stdio::inherit())
            .spawn()
            .expect("nginx starts (apt install nginx-light)");
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            let log = std::fs::read_to_string(prefix.join("logs/error.log")).unwrap_or_default();
            assert!(Instant::now() < deadline, "nginx did not start: {log}");
            std::thread::sleep(Duration::from_millis(20));
        }
        Nginx { child, url: format!("http://127.0.0.1:{port}") }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM: the master stops its workers (SIGKILL would leave them behind).
        let _ = Command::new("kill").arg(self.child.id().to_string()).status();
        let _ = self.child.wait();
    }
}
