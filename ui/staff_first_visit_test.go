package ui_test

import (
	"context"
	"testing"

	"companion/model"
	"companion/ui/uitest"
)

// TestANewSalonEntersItsStaffAndCatalogueAndRecordsAVisit starts from an
// empty database: the owner enters a block, a staff member and a service in
// the window, then records a visit for a new client with them; a later
// price change leaves the visit as it was sold.
func TestANewSalonEntersItsStaffAndCatalogueAndRecordsAVisit(t *testing.T) {
	_, w, s := newTestWindow(t)
	ctx := context.Background()

	uitest.TapTab(t, w, "Персонал и качество")
	uitest.Tap(t, w, "Добавить блок")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Название"); msg != "Введите название" || uitest.Dialogs(w) != 1 {
		t.Fatalf("an empty block: %q, %d dialogs", msg, uitest.Dialogs(w))
	}
	uitest.Type(t, w, "Название", "Фитнес")
	uitest.Tap(t, w, "Сохранить")
	if blocks, _ := s.Blocks(ctx); len(blocks) != 1 || blocks[0].Name != "Фитнес" {
		t.Fatalf("blocks: %+v", blocks)
	}

	uitest.Tap(t, w, "Добавить сотрудника")
	uitest.Type(t, w, "Телефон", "12345")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Message(t, w, "ФИО") != "Введите фамилию и имя" || uitest.Message(t, w, "Должность") != "Укажите должность" ||
		uitest.Message(t, w, "Телефон") == "" {
		t.Fatalf("an empty staff form: %q", uitest.DialogTexts(w))
	}
	if staff, _ := s.AllStaff(ctx); len(staff) != 0 {
		t.Fatalf("a half-filled staff member was stored: %+v", staff)
	}
	uitest.Type(t, w, "ФИО", "Орлов Артём Сергеевич")
	uitest.Type(t, w, "Должность", "тренер")
	uitest.Choose(t, w, "Блок", "Фитнес")
	uitest.Type(t, w, "Телефон", "8 916 555-44-33")
	uitest.Type(t, w, "Дата приёма", "01.02.2024")
	uitest.Tap(t, w, "Сохранить")
	staff, _ := s.AllStaff(ctx)
	if len(staff) != 1 || staff[0].Phone != "+79165554433" || staff[0].BlockID == nil || !staff[0].Active {
		t.Fatalf("staff: %+v (%q)", staff, uitest.DialogTexts(w))
	}
	if roles, _ := s.StaffRoles(ctx); len(roles) != 1 || roles[0].Name != "тренер" {
		t.Errorf("the position is not in the list of positions: %+v", roles)
	}

	uitest.TapTab(t, w, "Каталог")
	uitest.Tap(t, w, "Добавить услугу или товар")
	uitest.Type(t, w, "Название", "Персональная тренировка")
	uitest.Choose(t, w, "Вид", "Тренировка")
	uitest.Choose(t, w, "Блок", "Фитнес")
	uitest.Type(t, w, "Цена, ₽", "2500")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Message(t, w, "Длительность, мин") != "Укажите длительность в минутах" {
		t.Fatalf("a training without a duration: %q", uitest.DialogTexts(w))
	}
	uitest.Type(t, w, "Длительность, мин", "60")
	uitest.Type(t, w, "Кто выполняет", "тренер")
	uitest.Type(t, w, "Противопоказания", "гипертония")
	uitest.Tap(t, w, "Добавить")
	uitest.Tap(t, w, "Сохранить")
	services, _ := s.Services(ctx)
	if len(services) != 1 || !services[0].Training || services[0].Price != model.Rub(2500) ||
		len(services[0].Contraindications) != 1 || services[0].Contraindications[0] != "гипертония" {
		t.Fatalf("services: %+v (%q)", services, uitest.DialogTexts(w))
	}

	uitest.TapTab(t, w, "Клиенты")
	uitest.Tap(t, w, "Новый клиент")
	uitest.Type(t, w, "Фамилия", "Зайцева")
	uitest.Type(t, w, "Имя", "Нина")
	uitest.Tap(t, w, "Сохранить")
	uitest.TapTab(t, w, "Визиты")
	uitest.Tap(t, w, "Новый визит")
	uitest.Choose(t, w, "Услуга или товар", "Персональная тренировка")
	uitest.Choose(t, w, "Специалист", "Орлов Артём Сергеевич · тренер")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Dialogs(w) != 0 {
		t.Fatalf("the visit form stays: %q", uitest.DialogTexts(w))
	}
	rows, _ := s.ListClients(ctx, model.ClientQuery{})
	if len(rows) != 1 {
		t.Fatalf("clients: %d", len(rows))
	}
	vs, _ := s.Visits(ctx, rows[0].ID)
	if len(vs) != 1 || len(vs[0].Lines) != 1 || vs[0].Lines[0].StaffID == nil || *vs[0].Lines[0].StaffID != staff[0].ID ||
		vs[0].Lines[0].Price != model.Rub(2500) {
		t.Fatalf("visits: %+v", vs)
	}

	uitest.TapTab(t, w, "Каталог")
	uitest.TapRow(t, w, "Персональная тренировка · Тренировка · Фитнес · 2\u00a0500\u00a0₽ · 60 мин · тренер")
	uitest.Type(t, w, "Цена, ₽", "3000")
	uitest.Tap(t, w, "Сохранить")
	if services, _ := s.Services(ctx); services[0].Price != model.Rub(3000) {
		t.Fatalf("the new price was not stored: %+v", services[0])
	}
	if vs, _ := s.Visits(ctx, rows[0].ID); vs[0].Lines[0].Price != model.Rub(2500) {
		t.Errorf("a price change altered a past visit: %+v", vs[0].Lines[0])
	}
}
