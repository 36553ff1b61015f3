//! The one theme. Meaning is carried by symbols, words, bold, underline and
//! reverse video, which read on light and dark terminals alike; the two
//! colours only repeat what the symbol already says, and NO_COLOR drops them.
//! Presentation mode, for a projector, makes every style bold and headings
//! reversed, so nothing is thin or faint from the back of a room.

use ratatui::style::{Color, Modifier, Style};

/// Every style the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub heading: Style,
    pub strong: Style,
    /// The highlighted option, row or item.
    pub selected: Style,
    /// Key names in the footer, like nano's.
    pub key: Style,
    pub permitted: Style,
    pub forbidden: Style,
    pub warning: Style,
    pub border: Style,
    pub error: Style,
}

pub const THEME: Theme = Theme {
    title: Style::new().add_modifier(Modifier::BOLD),
    heading: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    strong: Style::new().add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
    key: Style::new().add_modifier(Modifier::REVERSED),
    permitted: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
    forbidden: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    warning: Style::new().add_modifier(Modifier::BOLD),
    border: Style::new(),
    error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
};

impl Theme {
    /// The theme for a terminal with or without colour, on a screen or a
    /// projector.
    pub const fn new(colour: bool, presentation: bool) -> Theme {
        let theme = if presentation {
            THEME.high_contrast()
        } else {
            THEME
        };
        if colour {
            theme
        } else {
            theme.without_colour()
        }
    }

    /// Everything bold; headings and the title in reverse video rather
    /// than underlined, which a projector blurs.
    const fn high_contrast(self) -> Theme {
        let bold = Modifier::BOLD;
        let banner = Modifier::BOLD.union(Modifier::REVERSED);
        Theme {
            title: Style::new().add_modifier(banner),
            heading: Style::new().add_modifier(banner),
            strong: self.strong.add_modifier(bold),
            selected: self.selected.add_modifier(bold),
            key: self.key.add_modifier(bold),
            permitted: self.permitted.add_modifier(bold),
            forbidden: self.forbidden.add_modifier(bold),
            warning: self.warning.add_modifier(bold),
            border: self.border.add_modifier(bold),
            error: self.error.add_modifier(bold),
        }
    }

    const fn without_colour(self) -> Theme {
        Theme {
            title: plain(self.title),
            heading: plain(self.heading),
            strong: plain(self.strong),
            selected: plain(self.selected),
            key: plain(self.key),
            permitted: plain(self.permitted),
            forbidden: plain(self.forbidden),
            warning: plain(self.warning),
            border: plain(self.border),
            error: plain(self.error),
        }
    }
}

const fn plain(style: Style) -> Style {
    Style {
        fg: None,
        bg: None,
        underline_color: None,
        ..style
    }
}

/// Whether the environment asks for no colour (<https://no-color.org>):
/// NO_COLOR set to anything but the empty string.
pub fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
