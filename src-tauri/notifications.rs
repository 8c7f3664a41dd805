//! The desk's alerts as desktop notifications (notify-rust). Acting on one brings the
//! window forward on its ticket. One notification per ticket: a newer alert replaces it
//! rather than stacking (freedesktop `replaces_id`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use arbiter_desk::messages::alerts as words;
use arbiter_desk::{Alert, Desk};
use arbiter_text::Msg;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{AppHandle, Manager};
use tauri_specta::Event;

/// The agent acted on a notification: show this ticket.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct OpenTicket {
    pub ticket_id: i64,
}

#[derive(Clone)]
pub struct Notifier {
    app: AppHandle,
    /// The notification shown for each alert key, to replace it.
    shown: Arc<Mutex<HashMap<String, u32>>>,
}

impl Notifier {
    pub fn new(app: AppHandle) -> Self {
        Self { app, shown: Arc::default() }
    }

    pub fn show(&self, alert: &Alert) {
        // In the agent's language (English until the UI has said which).
        let say = |msg: &Msg| self.app.try_state::<Desk>().map_or_else(|| msg.english(), |desk| desk.say(msg));
        let (title, body) = (say(&alert.title_text), say(&alert.body_text));
        let mut notification = notify_rust::Notification::new();
        notification.appname("Arbiter").summary(&title).body(&body).icon("mail-message-new");
        // Urgency, hints, actions and replacing are freedesktop's; macOS and Windows show the
        // title and body.
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            let open = say(&Msg::new(&words::OPEN));
            notification
                .urgency(if alert.urgent { notify_rust::Urgency::Critical } else { notify_rust::Urgency::Normal })
                .hint(notify_rust::Hint::Category("im.received".into()))
                .hint(notify_rust::Hint::DesktopEntry("arbiter".into()));
            if alert.ticket_id.is_some() {
                notification.action("default", &open);
            }
            if let Some(id) = self.shown.lock().expect("notifications lock").get(&alert.key) {
                notification.id(*id);
            }
        }
        let (app, shown, key, ticket) = (self.app.clone(), self.shown.clone(), alert.key.clone(), alert.ticket_id);
        // Showing talks to the notification server, and waiting for the agent's action
        // blocks: a thread of its own per notification.
        std::thread::spawn(move || match notification.show() {
            Ok(handle) => {
                #[cfg(all(unix, not(target_os = "macos")))]
                {
                    shown.lock().expect("notifications lock").insert(key, handle.id());
                    handle.wait_for_action(|action| {
                        if action == "default" {
                            if let Some(ticket_id) = ticket {
                                bring_forward(&app, ticket_id);
                            }
                        }
                    });
                }
                #[cfg(not(all(unix, not(target_os = "macos"))))]
                let _ = (handle, app, shown, key, ticket);
            }
            Err(error) => tracing::warn!(%error, "could not show a desktop notification"),
        });
    }
}

/// Shows the window (restored, focused) on `ticket_id`.
#[cfg(all(unix, not(target_os = "macos")))]
fn bring_forward(app: &AppHandle, ticket_id: i64) {
    show_window(app);
    if let Err(error) = (OpenTicket { ticket_id }).emit(app) {
        tracing::warn!(%error, "could not ask the window to open the ticket");
    }
}

/// The tray icon: a click shows the window; its menu opens or quits the app; its tooltip
/// (and title, where the desktop shows one) says how many escalations wait for the agent.
pub fn create_tray(app: &tauri::App) -> tauri::Result<()> {
    use tauri::menu::{Menu, MenuItem};
    use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
    let open = MenuItem::with_id(app, "open", Msg::new(&words::TRAY_OPEN).english(), true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", Msg::new(&words::TRAY_QUIT).english(), true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &quit])?;
    app.manage(TrayMenu { open, quit, waiting: Mutex::new(0) });
    let idle = Msg::new(&words::TRAY_IDLE).english();
    let mut tray = TrayIconBuilder::with_id(TRAY_ID).tooltip(idle).menu(&menu).show_menu_on_left_click(false);
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.on_menu_event(|app, event| match event.id.as_ref() {
        "open" => show_window(app),
        "quit" => app.exit(0),
        _ => {}
    })
    .on_tray_icon_event(|tray, event| {
        if let TrayIconEvent::Click { button: MouseButton::Left, button_state: MouseButtonState::Up, .. } = event {
            show_window(tray.app_handle());
        }
    })
    .build(app)?;
    Ok(())
}

const TRAY_ID: &str = "main";

pub(crate) fn show_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// The tray's menu items and the count it shows, to say them again in another language.
struct TrayMenu {
    open: tauri::menu::MenuItem<tauri::Wry>,
    quit: tauri::menu::MenuItem<tauri::Wry>,
    waiting: Mutex<usize>,
}

/// The tray in the agent's language (after the UI said which).
pub fn retitle_tray(app: &AppHandle) {
    let (Some(menu), Some(desk)) = (app.try_state::<TrayMenu>(), app.try_state::<Desk>()) else { return };
    let _ = menu.open.set_text(desk.say(&Msg::new(&words::TRAY_OPEN)));
    let _ = menu.quit.set_text(desk.say(&Msg::new(&words::TRAY_QUIT)));
    let count = *menu.waiting.lock().expect("tray lock");
    show_waiting(app, count);
}

/// The count of escalations waiting for the agent, on the tray and the dock/taskbar badge.
pub fn show_waiting(app: &AppHandle, count: usize) {
    let msg = if count == 0 { Msg::new(&words::TRAY_IDLE) } else { Msg::new(&words::TRAY_WAITING).count(count) };
    let text = app.try_state::<Desk>().map_or_else(|| msg.english(), |desk| desk.say(&msg));
    if let Some(menu) = app.try_state::<TrayMenu>() {
        *menu.waiting.lock().expect("tray lock") = count;
    }
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        let _ = tray.set_tooltip(Some(&text));
        let _ = tray.set_title(if count > 0 { Some(count.to_string()) } else { None });
    }
    if let Some(window) = app.get_webview_window("main") {
        // Not every desktop has badges (GNOME shows none); where there is one, it counts.
        let _ = window.set_badge_count(if count > 0 { Some(count as i64) } else { None });
    }
}
