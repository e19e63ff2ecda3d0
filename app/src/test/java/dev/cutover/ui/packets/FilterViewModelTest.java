package dev.cutover.ui.packets;

import dev.cutover.filter.CompiledFilter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FilterViewModelTest {
    private final List<CompiledFilter> applied = new ArrayList<>();
    private final FilterViewModel vm = new FilterViewModel(applied::add);

    @Test
    void validatesAsTheUserTypes() {
        assertThat(vm.validityProperty().get()).isEqualTo(FilterViewModel.Validity.EMPTY);
        vm.textProperty().set("arp.opcod == 3");
        assertThat(vm.validityProperty().get()).isEqualTo(FilterViewModel.Validity.INVALID);
        assertThat(vm.messageProperty().get())
                .isEqualTo("\"arp.opcod\" is neither a field nor a protocol name. Did you mean arp.opcode?"
                        + " (at character 1)");
        assertThat(vm.apply()).isFalse();
        assertThat(applied).isEmpty();
        vm.textProperty().set("arp.opcode == 3");
        assertThat(vm.validityProperty().get()).isEqualTo(FilterViewModel.Validity.VALID);
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void applyingRemembersTheFilterMostRecentFirst() {
        vm.textProperty().set("arp");
        vm.apply();
        vm.textProperty().set("vlan.id == 10");
        vm.apply();
        vm.textProperty().set("arp");
        vm.apply();
        assertThat(applied).extracting(CompiledFilter::text).containsExactly("arp", "vlan.id == 10", "arp");
        assertThat(vm.history()).containsExactly("arp", "vlan.id == 10");
        assertThat(vm.appliedProperty().get()).isEqualTo("arp");
        vm.clear();
        assertThat(vm.appliedProperty().get()).isEmpty();
        assertThat(applied.get(applied.size() - 1).text()).isEmpty();
    }
}
