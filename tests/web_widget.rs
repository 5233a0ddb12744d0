//! Browser tests (wasm-bindgen-test in headless Chromium) for the mounted widget and the
//! localStorage adapter. Each test mounts into its own element under its own storage key.
#![cfg(target_arch = "wasm32")]

use jiff::civil::date;
use kra_kpi::domain::template::sales_executive;
use kra_kpi::storage::codec::read_header;
use kra_kpi::storage::local::SaveOutcome;
use kra_kpi::storage::shelf::Shelf;
use kra_kpi::storage::shelf_index::{CardId, ShelfIndex};
use kra_kpi::storage::{DecodeError, LoadOutcome, LocalStore, SCHEMA_VERSION};
use kra_kpi::ui::mount::{MountError, Mounted, SetDataError, Storage};
use kra_kpi::{mount, WidgetOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A fresh host element in the page, as an HR portal would provide.
fn host(id: &str) -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    el.set_id(id);
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn options(key: &str) -> WidgetOptions {
    WidgetOptions { storage: Storage::Local(key.into()), today: Some(date(2026, 11, 23)), ..WidgetOptions::default() }
}

/// A widget on a fresh key; returns the element inside its shadow root that holds it.
fn widget(id: &str, key: &str) -> HtmlElement {
    mounted(id, key, options(key)).root().clone()
}

fn mounted(id: &str, key: &str, options: WidgetOptions) -> Mounted {
    clear(key);
    mount(host(id), options).unwrap()
}

/// Removes `key` and every key under it (`<key>:card-<n>`, backups).
fn clear(key: &str) {
    let s = storage();
    let prefix = format!("{key}:");
    let keys: Vec<String> = (0..s.length().unwrap()).filter_map(|i| s.key(i).unwrap()).collect();
    for k in keys.into_iter().filter(|k| k == key || k.starts_with(&prefix)) {
        s.remove_item(&k).unwrap();
    }
}

/// The widget's list of scorecards as saved under `key`.
fn saved_list(key: &str) -> ShelfIndex {
    ShelfIndex::decode(&storage().get_item(key).unwrap().expect("a list is saved")).unwrap()
}

/// The saved text of the scorecard the list under `key` opens.
fn saved(key: &str) -> Option<String> {
    let list = ShelfIndex::decode(&storage().get_item(key).unwrap()?).ok()?;
    storage().get_item(&Shelf::new(key).card_key(list.to_open()?)).unwrap()
}

/// Waits `ms` milliseconds (saves are gathered for 250 ms before one write).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until the next frame has been painted and a task after it has run (as
/// `ui::after_paint` does its work).
async fn next_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    sleep(0).await;
}

/// Lets Leptos run its scheduled effects.
async fn settle() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

/// The button under `root` whose text or accessible label is `text`, if there is one.
fn find_button(root: &HtmlElement, text: &str) -> Option<HtmlElement> {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length()).filter_map(|i| buttons.item(i)).map(|n| n.unchecked_into::<HtmlElement>()).find(|b| {
        b.text_content().unwrap_or_default().trim() == text || b.get_attribute("aria-label").as_deref() == Some(text)
    })
}

fn button(root: &HtmlElement, text: &str) -> HtmlElement {
    find_button(root, text).unwrap_or_else(|| panic!("no button {text:?}"))
}

fn text(root: &HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_new_widget_mounts_into_its_host_element_and_shows_the_first_step() {
    let el = widget("w-first", "test:first");
    settle().await;
    assert!(text(&el).contains("Start your scorecard"), "{}", text(&el));
    assert!(el.query_selector(".kk-app").unwrap().is_some(), "the widget renders inside its host");
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_do_not_share_state() {
    let a = widget("w-a", "test:a");
    let b = widget("w-b", "test:b");
    settle().await;
    button(&a, "Load the Sales executive template").click();
    settle().await;
    sleep(400).await;
    assert!(text(&a).contains("Achieve monthly revenue targets"));
    assert!(!text(&b).contains("Achieve monthly revenue targets"));
    assert!(text(&b).contains("Start your scorecard"));
    assert!(saved("test:a").unwrap().contains("Achieve monthly revenue targets"));
    assert_eq!(storage().get_item("test:b").unwrap(), None, "an untouched widget writes nothing");
}

#[wasm_bindgen_test]
async fn a_reading_updates_the_kpi_row_and_is_saved() {
    let el = widget("w-reading", "test:reading");
    settle().await;
    button(&el, "Load the Sales executive template").click();
    settle().await;
    button(&el, "Add reading for Leads converted").click();
    settle().await;
    let value: HtmlInputElement =
        el.query_selector(".kk-reading-form input[inputmode=decimal]").unwrap().unwrap().unchecked_into();
    value.set_value("42");
    value.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    button(&el, "Save reading").click();
    settle().await;
    let row = el.query_selector("[data-testid=kpi-row].kk-selected").unwrap().unwrap();
    let row_text = row.text_content().unwrap();
    assert!(row_text.contains("42 leads") && row_text.contains("84 %") && row_text.contains("Amber"), "{row_text}");
    sleep(400).await;
    let saved = saved("test:reading").unwrap();
    let fw = kra_kpi::storage::decode(&saved).unwrap();
    let leads = fw.kpis()[1].id;
    assert_eq!(fw.reading(leads, date(2026, 11, 1)).map(|r| r.value), Some(42.0), "{saved}");
}

#[wasm_bindgen_test]
fn local_store_round_trips_through_real_local_storage() {
    let store = LocalStore::new("test:store");
    storage().remove_item("test:store").unwrap();
    assert_eq!(store.load(), LoadOutcome::Empty);
    let fw = sales_executive();
    assert_eq!(store.save(&fw, None), Ok(SaveOutcome::Saved(1)));
    match store.load() {
        LoadOutcome::Loaded { decoded, migration_backup: None } => {
            assert_eq!(decoded.framework, fw);
            assert_eq!(decoded.revision, 1);
        }
        other => panic!("expected loaded, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_store_never_writes_over_a_revision_it_has_not_seen() {
    let key = "test:revisions";
    storage().remove_item(key).unwrap();
    let (tab_a, tab_b) = (LocalStore::new(key), LocalStore::new(key));
    let fw = sales_executive();
    assert_eq!(tab_a.save(&fw, None), Ok(SaveOutcome::Saved(1)));
    // Tab B opened before A's save: it has seen nothing, so it must not write.
    let mut other = fw.clone();
    other.rename("Tab B's name").unwrap();
    match tab_b.save(&other, None) {
        Ok(SaveOutcome::Newer { revision: 1, text }) => assert!(text.contains("Sales executive")),
        other => panic!("expected the newer save to be reported, got {other:?}"),
    }
    assert_eq!(tab_b.save(&other, Some(1)), Ok(SaveOutcome::Saved(2)));
    let header = read_header(&storage().get_item(key).unwrap().unwrap()).unwrap();
    assert_eq!((header.schema, header.revision), (SCHEMA_VERSION, 2));
}

#[wasm_bindgen_test]
fn damaged_data_is_backed_up_without_overwriting_an_earlier_backup() {
    let key = "test:damaged";
    let s = storage();
    s.set_item(key, "not json").unwrap();
    s.set_item(&format!("{key}:backup-1"), "an older backup").unwrap();
    s.remove_item(&format!("{key}:backup-2")).unwrap();
    let store = LocalStore::new(key);
    match store.load() {
        LoadOutcome::Refused { backup, error: DecodeError::NotJson(_), chars: 8 } => {
            assert_eq!(backup, Some(Ok("test:damaged:backup-2".to_owned())));
        }
        other => panic!("expected damaged, got {other:?}"),
    }
    let listed: Vec<String> = store.backups().into_iter().map(|b| b.key).collect();
    assert_eq!(listed, ["test:damaged:backup-1", "test:damaged:backup-2"]);
    assert_eq!(s.get_item("test:damaged:backup-1").unwrap().as_deref(), Some("an older backup"));
    assert_eq!(s.get_item("test:damaged:backup-2").unwrap().as_deref(), Some("not json"));
    assert_eq!(s.get_item(key).unwrap().as_deref(), Some("not json"), "loading never rewrites the original");
}

#[wasm_bindgen_test]
fn older_saves_load_and_report_the_migration() {
    let key = "test:v1";
    let v1 = r#"{"app":"kra-kpi","schema":1,"framework":{"name":"Old","kras":[{"id":1,"name":"K","weight":100}],
        "kpis":[{"id":2,"kra":1,"name":"P","unit":"","direction":"lower","target":4,"frequency":"monthly","weight":1}],
        "readings":[{"id":3,"kpi":2,"period":"2026-10-01","value":5,"note":""}],"next_id":4}}"#;
    storage().set_item(key, v1).unwrap();
    match LocalStore::new(key).load() {
        LoadOutcome::Loaded { decoded, migration_backup: Some(Ok(backup)) } => {
            assert_eq!(decoded.schema, 1);
            assert_eq!(decoded.framework.reading_count(), 1);
            assert_eq!(storage().get_item(&backup).unwrap().as_deref(), Some(v1), "the original is kept");
        }
        other => panic!("expected loaded, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_newer_versions_save_opens_read_only_and_is_never_written() {
    let key = "test:newer";
    let newer = r#"{"app":"kra-kpi","schema":99,"framework":{"anything":"new"}}"#;
    storage().set_item(key, newer).unwrap();
    let el = mount(host("w-newer"), options(key)).unwrap().root().clone();
    settle().await;
    assert!(text(&el).contains("newer version"), "{}", text(&el));
    assert!(!text(&el).contains("Load the Sales executive template"), "no editing is offered");
    assert!(el.query_selector(".kk-add").unwrap().is_none(), "no Add KRA form");
    sleep(400).await;
    assert_eq!(storage().get_item(key).unwrap().as_deref(), Some(newer), "byte-identical");
}

#[wasm_bindgen_test]
fn the_trend_chart_renders_as_svg_in_the_browser() {
    let mut fw = sales_executive();
    let leads = fw.kpis()[1].id;
    fw.add_reading(leads, date(2026, 9, 1), 40.0, "").unwrap();
    fw.add_reading(leads, date(2026, 10, 1), 47.0, "").unwrap();
    let series = kra_kpi::charts::trend_series(&fw, leads, 36).unwrap();
    let svg = kra_kpi::charts::trend_svg(&series, 520, 280).unwrap();
    assert!(svg.starts_with("<svg"), "{svg}");
    assert_eq!(svg.matches("<circle").count(), 2 + 1, "two readings and the legend's sample dot");
    assert!(svg.contains("Sep 2026") && svg.contains("Oct 2026"));
}

/// Counts DOM mutations under `target` (text, children, attributes) from now on.
fn watch_mutations(target: &web_sys::Node) -> (web_sys::MutationObserver, std::rc::Rc<std::cell::Cell<u32>>) {
    use wasm_bindgen::closure::Closure;
    let count = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = count.clone();
    let callback =
        Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| seen.set(seen.get() + records.length()));
    let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
    callback.forget();
    let options = web_sys::MutationObserverInit::new();
    options.set_subtree(true);
    options.set_child_list(true);
    options.set_character_data(true);
    options.set_attributes(true);
    observer.observe_with_options(target, &options).unwrap();
    (observer, count)
}

#[wasm_bindgen_test]
async fn an_edit_re_renders_only_the_rows_it_changed() {
    let el = widget("w-fine", "test:fine");
    settle().await;
    button(&el, "Load the Sales executive template").click();
    settle().await;
    button(&el, "Add reading for Leads converted").click();
    settle().await;
    let rows = el.query_selector_all("[data-testid=kpi-row]").unwrap();
    // Row 1 is "Leads converted"; row 0 is its sibling without a reading, rows 3-5 belong to the
    // second KRA. Observer callbacks are delivered as microtasks, which `settle` waits past.
    let (_edited_observer, edited) = watch_mutations(&rows.item(1).unwrap());
    let others: Vec<_> = [0, 2, 3, 4, 5].iter().map(|&i| watch_mutations(&rows.item(i).unwrap())).collect();
    let input: HtmlInputElement =
        el.query_selector(".kk-reading-form input[inputmode=decimal]").unwrap().unwrap().unchecked_into();
    input.set_value("42");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    button(&el, "Save reading").click();
    settle().await;
    assert!(edited.get() > 0, "the edited row changed in the DOM");
    for (i, (_, count)) in others.iter().enumerate() {
        assert_eq!(count.get(), 0, "row {i} was not touched by an edit to another KPI");
    }
}

#[wasm_bindgen_test]
async fn the_widget_renders_in_a_shadow_root_with_no_main_landmark() {
    let el = host("w-shadow");
    storage().remove_item("test:shadow").unwrap();
    let m = mount(el.clone(), options("test:shadow")).unwrap();
    settle().await;
    let shadow = el.shadow_root().expect("an open shadow root");
    assert!(shadow.query_selector(".kk-app").unwrap().is_some());
    assert!(el.query_selector(".kk-app").unwrap().is_none(), "nothing in the host's own DOM");
    assert!(shadow.query_selector("main").unwrap().is_none(), "the host page keeps the only <main>");
    assert!(m.root().query_selector("section[aria-label='KRAs and KPIs']").unwrap().is_some());
}

#[wasm_bindgen_test]
fn refused_options_change_nothing_in_the_page() {
    let el = host("w-refused");
    let bad = WidgetOptions { template: Some("astronaut".into()), ..options("test:refused") };
    assert!(matches!(mount(el.clone(), bad), Err(MountError::UnknownTemplate(_))));
    let foreign = WidgetOptions { data: Some(r#"{"hello":"world"}"#.into()), ..options("test:refused") };
    assert!(matches!(mount(el.clone(), foreign), Err(MountError::InvalidData(DecodeError::Foreign))));
    assert!(el.shadow_root().is_none(), "no shadow root was attached");
    assert_eq!(storage().get_item("test:refused").unwrap(), None);
}

#[wasm_bindgen_test]
async fn set_data_refuses_damaged_or_foreign_json_and_keeps_the_scorecard() {
    let m = mounted(
        "w-setdata",
        "test:setdata",
        WidgetOptions { template: Some("sales-executive".into()), ..options("test:setdata") },
    );
    let before = m.data();
    for bad in ["not json", r#"{"app":"other","schema":1}"#, r#"{"app":"kra-kpi","schema":99,"framework":{}}"#] {
        assert!(matches!(m.set_data(bad), Err(SetDataError::Invalid(_))), "{bad}");
        assert_eq!(m.data(), before, "unchanged after {bad}");
    }
    let mut other = sales_executive();
    other.rename("Replaced by the host").unwrap();
    m.set_data(&kra_kpi::storage::encode(&other)).unwrap();
    settle().await;
    assert!(text(m.root()).contains("Replaced by the host"));
    sleep(400).await;
    assert!(saved("test:setdata").unwrap().contains("Replaced by the host"), "saved like an edit");
}

#[wasm_bindgen_test]
async fn a_read_only_widget_has_no_edit_controls_and_writes_nothing() {
    let m = mounted(
        "w-ro",
        "test:ro",
        WidgetOptions { read_only: true, template: Some("sales-executive".into()), ..options("test:ro") },
    );
    settle().await;
    let root = m.root().clone();
    assert!(text(&root).contains("Achieve monthly revenue targets"), "the scores are shown");
    for absent in ["Undo", "Add reading for Leads converted", "Rename scorecard"] {
        assert!(find_button(&root, absent).is_none(), "no {absent:?} button in a read-only view");
    }
    assert!(root.query_selector(".kk-add").unwrap().is_none());
    assert!(m.state().commit(kra_kpi::domain::edit::Edit::Rename { name: "X".into() }).is_err());
    sleep(400).await;
    assert_eq!(storage().get_item("test:ro").unwrap(), None, "nothing written");
    m.set_read_only(false);
    settle().await;
    button(&root, "Rename scorecard");
}

#[wasm_bindgen_test]
async fn with_storage_none_nothing_is_written_and_changes_are_announced() {
    let key = "kra-kpi:default";
    let before = storage().get_item(key).unwrap();
    let data = kra_kpi::storage::encode(&sales_executive());
    let el = host("w-none");
    let m = mount(el, WidgetOptions { storage: Storage::None, data: Some(data), ..options("unused") }).unwrap();
    let heard = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = heard.clone();
    m.state().set_listener(Some(std::rc::Rc::new(move |c: &kra_kpi::ui::state::Change| {
        sink.borrow_mut().push((c.source.key(), c.kind, c.description.clone()))
    })));
    settle().await;
    let leads = m.framework().kpis()[1].id;
    m.state()
        .commit(kra_kpi::domain::edit::Edit::AddReading {
            kpi: leads,
            day: date(2026, 11, 20),
            value: 42.0,
            note: String::new(),
        })
        .unwrap();
    m.state().undo();
    sleep(400).await;
    assert_eq!(
        *heard.borrow(),
        [
            ("edit", "add-reading", "add a reading of 42 to the KPI \"Leads converted\" for Nov 2026".to_owned()),
            ("undo", "delete-reading", "delete the Nov 2026 reading of the KPI \"Leads converted\"".to_owned()),
        ]
    );
    assert_eq!(storage().get_item(key).unwrap(), before, "no key written");
    assert!(!text(m.root()).contains("storage"), "no storage warning: {}", text(m.root()));
}

#[wasm_bindgen_test]
async fn destroy_saves_what_is_pending_then_writes_nothing_more() {
    let mut m = mounted("w-destroy", "test:destroy", options("test:destroy"));
    let el = m.root().clone();
    settle().await;
    button(&el, "Load the Sales executive template").click();
    // Destroyed inside the save delay: the edit is saved at once, not lost.
    m.destroy();
    let text = saved("test:destroy").expect("saved by destroy");
    assert!(text.contains("Achieve monthly revenue targets"));
    assert!(!el.is_connected(), "the view is gone");
    sleep(400).await;
    assert_eq!(saved("test:destroy").as_deref(), Some(text.as_str()), "no later write");
    m.destroy(); // twice is harmless
}

#[wasm_bindgen_test]
async fn a_single_saved_scorecard_moves_into_the_list_byte_for_byte() {
    let key = "test:move";
    clear(key);
    let today = date(2026, 11, 23);
    let demo = kra_kpi::domain::demo::demo(today, kra_kpi::domain::demo::DEMO_SEED).unwrap();
    let original = kra_kpi::storage::codec::encode_revision(&demo, 7);
    storage().set_item(key, &original).unwrap();
    let m = mount(host("w-move"), options(key)).unwrap();
    settle().await;
    let list = saved_list(key);
    assert_eq!(list.listed().map(|c| c.name.as_str()).collect::<Vec<_>>(), [demo.name()]);
    let card = Shelf::new(key).card_key(list.to_open().unwrap());
    assert_eq!(storage().get_item(&card).unwrap().as_deref(), Some(original.as_str()), "moved unchanged");
    assert_eq!(m.framework(), demo, "every reading is there");
    assert!(text(m.root()).contains("Scorecards (1)"));
    // An old format moves as it is, then upgrades with its original kept until that is saved.
    let v1 = include_str!("fixtures/schema1_sales.json");
    let key = "test:move-v1";
    clear(key);
    storage().set_item(key, v1).unwrap();
    let m = mount(host("w-move-v1"), options(key)).unwrap();
    let before = kra_kpi::storage::decode(v1).unwrap();
    assert_eq!(m.framework().reading_count(), before.reading_count());
    assert!(text(m.root()).contains("upgraded from format version 1"), "{}", text(m.root()));
    sleep(400).await;
    let upgraded = kra_kpi::storage::decode(&saved(key).unwrap()).unwrap();
    assert_eq!(upgraded, m.framework());
    assert_eq!(read_header(&saved(key).unwrap()).unwrap().schema, SCHEMA_VERSION);
    assert_eq!(storage().get_item(&format!("{key}:backup-1")).unwrap(), None, "the copy goes once saved");
}

#[wasm_bindgen_test]
async fn scorecards_are_created_switched_copied_deleted_and_restored_and_remembered() {
    use kra_kpi::ui::shelf;
    let key = "test:shelf";
    let m = mounted("w-shelf", key, options(key));
    let state = m.state();
    settle().await;
    button(m.root(), "Load the Sales executive template").click();
    settle().await;
    let hr = kra_kpi::domain::template::by_key("hr-manager").unwrap();
    let hr_kpis = hr.kpis().len();
    assert!(shelf::create(state, hr, "Created.".into()));
    settle().await;
    assert_eq!(m.framework().name(), "HR manager");
    assert!(text(m.root()).contains("Scorecards (2)"), "{}", text(m.root()));
    shelf::duplicate(state, "HR manager — employee 1042").unwrap();
    assert!(shelf::duplicate(state, " ").is_err(), "a copy needs a name");
    let copy = m.framework();
    assert_eq!((copy.name(), copy.kpis().len(), copy.reading_count()), ("HR manager — employee 1042", hr_kpis, 0));
    let list = saved_list(key);
    let names: Vec<&str> = list.listed().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Sales executive", "HR manager", "HR manager — employee 1042"]);

    shelf::open(state, CardId(1));
    assert_eq!(m.framework().name(), "Sales executive");
    assert!(!state.can_undo(), "opening another scorecard starts a fresh undo history");
    shelf::delete(state, CardId(1));
    assert_eq!(m.framework().name(), "HR manager", "the next one opens");
    assert_eq!(saved_list(key).deleted().len(), 1);
    assert!(storage().get_item(&format!("{key}:card-1")).unwrap().is_some(), "deleted, not gone");
    shelf::restore(state, CardId(1));
    assert_eq!(m.framework().name(), "Sales executive");
    shelf::open(state, CardId(3));
    shelf::delete(state, CardId(2));
    sleep(400).await;

    // A new mount opens the one open last, and lists what was listed.
    let again = mount(host("w-shelf-2"), options(key)).unwrap();
    assert_eq!(again.framework().name(), "HR manager — employee 1042");
    let list = saved_list(key);
    assert_eq!(list.listed().count(), 2);
    shelf::forget(again.state(), CardId(2));
    assert_eq!(storage().get_item(&format!("{key}:card-2")).unwrap(), None, "deleted for good");
    assert!(saved_list(key).deleted().is_empty());
}

/// In the browser, numbers the fast path leaves (seventeen digits, far exponents) are read by the
/// JavaScript engine's `parseFloat` (`domain::decimal`, issue 9). It must give core's correctly
/// rounded `f64` bit for bit: for the shortest text of generated numbers over the whole range,
/// and for long texts near halfway between two numbers.
#[wasm_bindgen_test]
fn numbers_read_in_the_browser_are_read_exactly() {
    use kra_kpi::domain::decimal::parse;
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut checked = 0;
    for _ in 0..20_000 {
        let v = f64::from_bits(next());
        if !v.is_finite() {
            continue;
        }
        for text in [format!("{v:?}"), format!("{v:e}"), format!("{:.30e}", v), format!("{}", v / 3.0)] {
            let expected: f64 = text.parse().unwrap();
            let expected = expected.is_finite().then_some(expected);
            assert_eq!(parse(&text).map(f64::to_bits), expected.map(f64::to_bits), "{text}");
            checked += 1;
        }
    }
    // Halfway cases, where one digit far out decides the rounding.
    for text in
        ["9007199254740993", "9007199254740993.0000000000000001", "2.2250738585072011e-308", "0.30000000000000004"]
    {
        assert_eq!(parse(text), text.parse().ok(), "{text}");
    }
    assert!(checked > 70_000, "only {checked} numbers were checked");
}

/// In the browser, text that is not all ASCII is lowered by the JavaScript engine's
/// `toLowerCase` (`case`, issue 9). It must agree with the standard library's `to_lowercase`,
/// which the native tests use: accented and Greek capitals (final sigma too), dotted I,
/// title-case digraphs, full-width letters, and names with none to lower.
#[wasm_bindgen_test]
fn names_are_lowered_in_the_browser_as_rust_lowers_them() {
    use kra_kpi::case::lowercase;
    for text in [
        "ÜBERSTUNDEN",
        "Überstunden je Monat",
        "ΟΔΟΣ ΚΑΙ ΣΟΦΙΑ",
        "İSTANBUL ŞUBESİ",
        "ǄEMAL",
        "ＡＢＣ ｄｅｆ",
        "КЛИЕНТЫ",
        "已解决的投诉 %",
        "Ⅻ Ⓐ",
    ] {
        assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
    }
}

/// `<Each>` keeps a row's DOM while its key stays (moved, not rebuilt), builds new keys and drops
/// gone ones, as Leptos's `<For>` does; `<When>` shows its children or its fallback as the
/// condition flips, as `<Show>` does; `dynamic` rebuilds its markup and `dynamic_text` rewrites
/// its text, keeping its text node, as `{move || …}` does.
#[wasm_bindgen_test]
async fn each_keeps_rows_by_key_and_when_follows_its_condition() {
    use kra_kpi::ui::dynamic::{dynamic, dynamic_text};
    use kra_kpi::ui::each::Each;
    use kra_kpi::ui::when::When;
    use leptos::prelude::*;

    let el = host("each-when");
    let items = RwSignal::new(vec![(1u64, "Leeds"), (2, "York"), (3, "Hull")]);
    let open = RwSignal::new(false);
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ul>
                <Each each=move || items.get() key=|item| item.0 let:item>
                    <li>{item.1}</li>
                </Each>
            </ul>
            <When when=move || open.get() fallback=|| view! { <p>"Closed"</p> }>
                <p>"Open"</p>
            </When>
            <b>{dynamic(move || open.get().then(|| view! { <i>"Shown"</i> }))}</b>
            <s>{dynamic_text(move || format!("{} items", items.with(Vec::len)))}</s>
            <u>{dynamic_text(move || open.get().then_some("Open"))}</u>
        }
    });
    settle().await;
    let rows = || {
        let list = el.query_selector_all("li").unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap()).collect::<Vec<web_sys::Node>>()
    };
    let texts = |nodes: &[web_sys::Node]| nodes.iter().map(|n| n.text_content().unwrap()).collect::<Vec<_>>();
    let before = rows();
    assert_eq!(texts(&before), ["Leeds", "York", "Hull"]);
    assert_eq!(text(&el), "LeedsYorkHullClosed3 items");
    let count = el.query_selector("s").unwrap().unwrap().first_child().unwrap();

    items.set(vec![(3, "Hull"), (1, "Leeds"), (4, "Bath")]);
    open.set(true);
    settle().await;
    let after = rows();
    assert_eq!(texts(&after), ["Hull", "Leeds", "Bath"]);
    assert!(after[0].is_same_node(Some(&before[2])), "Hull's row is moved, not rebuilt");
    assert!(after[1].is_same_node(Some(&before[0])), "Leeds's row is moved, not rebuilt");
    assert!(before.iter().all(|old| !after[2].is_same_node(Some(old))), "Bath's row is new");
    assert!(!before[1].is_connected(), "York's row is gone from the page");
    assert_eq!(text(&el), "HullLeedsBathOpenShown3 itemsOpen");
    assert!(el.query_selector("b > i").unwrap().is_some(), "dynamic builds its markup");

    open.set(false);
    items.set(Vec::new());
    settle().await;
    assert_eq!(text(&el), "Closed0 items");
    assert!(el.query_selector("b > i").unwrap().is_none(), "dynamic removes its markup");
    let count_now = el.query_selector("s").unwrap().unwrap().first_child().unwrap();
    assert!(count_now.is_same_node(Some(&count)), "dynamic_text rewrites its text node in place");
    assert_eq!(el.query_selector("u").unwrap().unwrap().text_content().unwrap(), "", "None shows nothing");
}

/// `effect` runs once the render is done and again on each change, knowing its first run;
/// `watch` hands its handler the new and the previous value, and runs it on the first run only
/// when asked to: as Leptos's `Effect::new` and `Effect::watch` do.
#[wasm_bindgen_test]
async fn effect_and_watch_follow_their_signals() {
    use kra_kpi::ui::effect::{effect, watch};
    use leptos::prelude::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    let count = RwSignal::new(1_u32);
    let runs = Rc::new(RefCell::new(Vec::<(u32, bool)>::new()));
    let seen = Rc::new(RefCell::new(Vec::<(u32, Option<u32>)>::new()));
    let seen_now = Rc::new(RefCell::new(Vec::<(u32, Option<u32>)>::new()));
    let (r, s, n) = (runs.clone(), seen.clone(), seen_now.clone());
    let mounted = leptos::mount::mount_to(host("effects"), move || {
        effect(move |first| r.borrow_mut().push((count.get(), first)));
        watch(move || count.get() * 10, move |&new, old| s.borrow_mut().push((new, old.copied())), false);
        watch(move || count.get(), move |&new, old| n.borrow_mut().push((new, old.copied())), true);
    });
    settle().await;
    assert_eq!(*runs.borrow(), [(1, true)]);
    assert!(seen.borrow().is_empty(), "not run before a change unless immediate");
    assert_eq!(*seen_now.borrow(), [(1, None)]);

    count.set(2);
    settle().await;
    count.set(5);
    settle().await;
    assert_eq!(*runs.borrow(), [(1, true), (2, false), (5, false)]);
    assert_eq!(*seen.borrow(), [(20, Some(10)), (50, Some(20))]);
    assert_eq!(*seen_now.borrow(), [(1, None), (2, Some(1)), (5, Some(2))]);

    drop(mounted);
    count.set(6);
    settle().await;
    assert_eq!(runs.borrow().len(), 3, "an effect ends with its owner");
}

/// A `derived` value is computed again when a source changes, and wakes what reads it only
/// when the new value differs: an effect reading the parity of a count re-runs when the parity
/// flips, not when the count changes by two. Two values of different types made side by side
/// (they share one erased memo type) each keep their own.
#[wasm_bindgen_test]
async fn a_derived_value_wakes_its_readers_only_when_it_changes() {
    use kra_kpi::ui::derived::derived;
    use kra_kpi::ui::effect::effect;
    use leptos::prelude::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    let count = RwSignal::new(1_u32);
    let computed = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    let seen = Rc::new(RefCell::new(Vec::<(bool, String)>::new()));
    let (c, s) = (computed.clone(), seen.clone());
    let mounted = leptos::mount::mount_to(host("derived"), move || {
        let c = c.clone();
        let odd = derived(move || {
            c.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            count.get() % 2 == 1
        });
        let label = derived(move || format!("{} items", count.get()));
        effect(move |_| s.borrow_mut().push((odd.get(), label.get_untracked())));
    });
    settle().await;
    assert_eq!(*seen.borrow(), [(true, "1 items".to_owned())]);

    count.set(3);
    settle().await;
    assert_eq!(computed.load(std::sync::atomic::Ordering::Relaxed), 2, "computed again after its source changed");
    assert_eq!(seen.borrow().len(), 1, "still odd: the effect did not re-run");

    count.set(4);
    settle().await;
    assert_eq!(*seen.borrow(), [(true, "1 items".to_owned()), (false, "4 items".to_owned())]);
    drop(mounted);
}

/// A `Var` wakes the effects that read it when it is set or updated, and not those that read
/// it untracked; two of different types made side by side (they share one erased signal type)
/// each keep their own value; once its owner is gone, `try_set` hands the value back.
#[wasm_bindgen_test]
async fn a_var_wakes_what_reads_it_and_gives_a_value_back_once_gone() {
    use kra_kpi::ui::effect::effect;
    use kra_kpi::ui::var::Var;
    use std::cell::RefCell;
    use std::rc::Rc;

    let seen = Rc::new(RefCell::new(Vec::<(u32, String)>::new()));
    let vars = Rc::new(RefCell::new(None::<(Var<u32>, Var<String>)>));
    let (s, v) = (seen.clone(), vars.clone());
    let mounted = leptos::mount::mount_to(host("var"), move || {
        let count = Var::new(1_u32);
        let label = Var::new(String::from("one"));
        *v.borrow_mut() = Some((count, label));
        effect(move |_| s.borrow_mut().push((count.get(), label.get_untracked())));
    });
    settle().await;
    let (count, label) = vars.borrow().unwrap();
    assert_eq!(*seen.borrow(), [(1, "one".to_owned())]);

    label.set("two".to_owned());
    settle().await;
    assert_eq!(seen.borrow().len(), 1, "read untracked: no re-run");

    count.update(|c| *c += 1);
    settle().await;
    count.set(7);
    settle().await;
    assert_eq!(*seen.borrow(), [(1, "one".to_owned()), (2, "two".to_owned()), (7, "two".to_owned())]);
    assert_eq!(count.try_set(8), None, "set while its owner lives");

    drop(mounted);
    assert_eq!(count.try_set(9), Some(9), "handed back once its owner is gone");
    assert_eq!(count.try_get_untracked(), None);
}

/// A `Computed` is computed again on each read and makes the reader follow what it read: an
/// effect reading a label computed from a `Var` re-runs when the `Var` changes; a fixed value
/// (`From<T>`) stays what it was.
#[wasm_bindgen_test]
async fn a_computed_value_follows_what_it_reads() {
    use kra_kpi::ui::computed::Computed;
    use kra_kpi::ui::effect::effect;
    use kra_kpi::ui::var::Var;
    use std::cell::RefCell;
    use std::rc::Rc;

    let seen = Rc::new(RefCell::new(Vec::<(String, u32)>::new()));
    let score = Rc::new(RefCell::new(None::<Var<Option<f64>>>));
    let (s, v) = (seen.clone(), score.clone());
    let mounted = leptos::mount::mount_to(host("computed"), move || {
        let score = Var::new(Some(84.0));
        *v.borrow_mut() = Some(score);
        let label = Computed::new(move || score.with(|s| s.map_or("No data".to_owned(), |s| format!("{s} %"))));
        let fixed: Computed<u32> = 7.into();
        effect(move |_| s.borrow_mut().push((label.get(), fixed.get())));
    });
    settle().await;
    let score = score.borrow().unwrap();
    score.set(None);
    settle().await;
    assert_eq!(*seen.borrow(), [("84 %".to_owned(), 7), ("No data".to_owned(), 7)]);
    drop(mounted);
}

thread_local! {
    /// The outcomes the next attempts of `slow_panel` give, first to last (`true`: its code
    /// arrives), and how many attempts were made.
    static OUTCOMES: std::cell::RefCell<std::collections::VecDeque<bool>> = Default::default();
    static ATTEMPTS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A stand-in for a split point whose file takes 100 ms to arrive, or does not arrive.
async fn slow_panel() -> Result<fn(u32) -> leptos::prelude::AnyView, ()> {
    use leptos::prelude::*;
    ATTEMPTS.with(|a| a.set(a.get() + 1));
    sleep(100).await;
    let arrives = OUTCOMES.with(|o| o.borrow_mut().pop_front()).unwrap_or(true);
    if arrives {
        Ok(|n| view! { <p>{format!("Panel {n}")}</p><input aria-label="A field of the panel" /> }.into_any())
    } else {
        Err(())
    }
}

/// A constructor that is already here.
async fn ready_panel() -> Result<fn(u32) -> leptos::prelude::AnyView, ()> {
    use leptos::prelude::*;
    Ok(|n| view! { <p>{format!("Ready {n}")}</p> }.into_any())
}

/// `lazy` says "Loading…" (in a status that is in the page first, then given its words) while a
/// panel's code is on the way, then shows the panel; when the
/// code does not arrive it says so in an alert with "Try again", which fetches it again while
/// the alert (and the focus on its button) stays, and says so again with the count when that
/// fails too, and when it succeeds gives the focus to the panel's first control; a panel whose
/// code is here shows at once, with no "Loading…" in between.
#[wasm_bindgen_test]
async fn a_lazy_panel_loads_and_a_failed_load_can_be_retried() {
    use kra_kpi::ui::lazy::lazy;
    use leptos::prelude::*;

    let el = host("lazy");
    OUTCOMES.with(|o| o.borrow_mut().extend([false, false, true]));
    ATTEMPTS.with(|a| a.set(0));
    let n = RwSignal::new(1u32);
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <div class="slow">{lazy(slow_panel, move |make| make(n.get()))}</div>
            <div class="ready">{lazy(ready_panel, |make| make(7))}</div>
        }
    });
    let part = |class: &str| el.query_selector(&format!(".{class}")).unwrap().unwrap().unchecked_into::<HtmlElement>();
    assert_eq!(text(&part("ready")), "Ready 7", "code that is here shows at once");
    // The status is in the page before its words, so that screen readers announce them.
    let status = part("slow").query_selector("[role=status]").unwrap().expect("the wait is a status");
    assert_eq!(status.text_content().unwrap(), "", "a live region empty when it is inserted");
    next_paint().await;
    assert_eq!(text(&part("slow")), "Loading…");

    sleep(200).await;
    let alert = part("slow").query_selector("[role=alert]").unwrap().expect("a failed load is an alert");
    assert_eq!(
        alert.text_content().unwrap(),
        "This part of the scorecard could not be loaded. Check the connection, then try again.Try again"
    );
    assert_eq!(ATTEMPTS.with(|a| a.get()), 1);

    let again = button(&part("slow"), "Try again");
    again.focus().unwrap();
    again.click();
    settle().await;
    assert_eq!(again.text_content().unwrap(), "Trying again…");
    assert_eq!(again.get_attribute("aria-disabled").as_deref(), Some("true"));
    again.click();
    sleep(200).await;
    assert_eq!(ATTEMPTS.with(|a| a.get()), 2, "a click while trying again does not fetch twice");
    assert!(again.is_connected(), "the alert stays when the retry fails too");
    assert!(document().active_element().is_some_and(|f| f.is_same_node(Some(&again))), "the focus stays on Try again");
    assert!(alert
        .text_content()
        .unwrap()
        .starts_with("This part of the scorecard still could not be loaded (2 tries)."));
    assert_eq!(again.text_content().unwrap(), "Try again");

    again.click();
    sleep(200).await;
    assert_eq!(text(&part("slow")), "Panel 1");
    assert_eq!(ATTEMPTS.with(|a| a.get()), 3);
    let field = part("slow").query_selector("input").unwrap().unwrap();
    assert!(
        document().active_element().is_some_and(|f| f.is_same_node(Some(&field))),
        "the focus moves from the gone Try again to the panel's first control"
    );

    n.set(2);
    settle().await;
    assert_eq!(text(&part("slow")), "Panel 2", "the view follows its signals once loaded");
    assert_eq!(ATTEMPTS.with(|a| a.get()), 3, "nothing is fetched again");
}
