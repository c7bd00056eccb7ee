//! The smallest eframe window, as the yardstick for Relplan's start-up
//! time (see `benches/startup.sh`). It prints the time from the start of
//! `main` to the end of its first frame, then closes.

use std::time::Instant;

struct Minimal {
    started: Instant,
    reported: bool,
}

impl eframe::App for Minimal {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| ui.label("Hello"));
        if !self.reported {
            self.reported = true;
            println!("FIRST_FRAME_MS {:.1}", self.started.elapsed().as_secs_f64() * 1e3);
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

fn main() -> eframe::Result {
    let started = Instant::now();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native("minimal", options, Box::new(move |_| Ok(Box::new(Minimal { started, reported: false }))))
}
